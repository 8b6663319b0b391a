import NXLanguage
import NexthinkClient

/// `run`: check everything we can before the first POST (every device id, the action's
/// declared inputs, profile policy), ask for confirmation on a terminal, then send the
/// batches, each exactly once (Fleet/FleetRun).
struct RunHandler {
    let host: APIHost

    func run(_ command: CommandInvocation) async throws -> Value {
        let actionID = ActionID.normalize(command.operandText ?? "")
        try checkPolicy(actionID)
        // `--dry-run` wins over the script: `dryrun = false` cannot turn a rehearsal into a run.
        let requested = try await host.fleet.dryRunRequested()
        let rehearsal = host.policy.dryRun || requested
        let targets = try DeviceTargets.collect(command.list("on"), spans: command.spans.clauses["on"],
                                                origins: host.functions.origins)
        try checkConsent(actionID, rehearsal: rehearsal)
        if targets.duplicatesDropped > 0 {
            let n = targets.duplicatesDropped
            host.console.message("nxsh: dropped \(n) duplicate device id\(n == 1 ? "" : "s") (\(targets.ids.count) unique)")
        }
        let action = try await host.catalogue.details(actionID)
        guard action.targeting.apiEnabled else {
            throw HostError("remote action \(actionID) is not enabled for the API",
                            notes: ["its targeting.apiEnabled is false; enable API targeting in Nexthink first"],
                            exitCode: ExitStatus.permission)
        }
        let fleet = host.policy.fleet
        // triggerInfo is always sent so the service's own records show where a run came from.
        let trigger = TriggerInfo(externalSource: fleet.externalSource, reason: command.text("reason") ?? fleet.reason,
                                  externalReference: command.text("ref"))
        let batches = BatchPlanner.plan(targets.ids)
        let template = ExecutionRequest(remoteActionId: actionID, params: command.strings("with"), devices: [],
                                        expiresInMinutes: command.int("expires"), triggerInfo: trigger)
        var first = template
        first.devices = batches.first?.devices ?? []
        do {
            try first.validate(against: action)
        } catch {
            let count = error.problems.count
            throw HostError("cannot run \(actionID): \(count) problem\(count == 1 ? "" : "s") in the request, nothing was sent",
                            notes: error.problems.map(\.description), span: error.problems.first.map { span(of: $0, in: command) },
                            exitCode: ExitStatus.runtime)
        }
        let plan = FleetPlan(template: template, batches: batches, deviceCount: targets.ids.count,
                             duplicatesDropped: targets.duplicatesDropped)
        if rehearsal { return rehearse(plan, action) }
        if !host.policy.skipConfirmation {
            guard await host.confirmer.confirm(RunSummary(action: action, plan: plan).prompt) else {
                throw HostError("cancelled: \(actionID) was not run", exitCode: ExitStatus.runtime)
            }
        }
        return try await FleetRun(host: host, plan: plan).execute()
    }

    /// The part of the command a validation problem is about: the parameter's name inside
    /// `with <...>`, the value of `expires`, the list of `on`...
    private func span(of problem: ValidationProblem, in command: CommandInvocation) -> SourceSpan {
        let spans = command.spans
        switch problem.field {
        case "remoteActionId": return spans.operand ?? spans.statement
        case "devices": return problem.index.map { spans.clauses["on"]?.element($0) ?? spans.clause("on") } ?? spans.clause("on")
        case "expiresInMinutes": return spans.clause("expires")
        case "triggerInfo.reason": return spans.clause("reason")
        case let field where field.hasPrefix("params."):
            return spans.clauses["with"]?.key(String(field.dropFirst("params.".count))) ?? spans.statement
        default: return spans.statement
        }
    }

    private func rehearse(_ plan: FleetPlan, _ action: RemoteAction) -> Value {
        let dry = DryRun(plan: plan, action: action, concurrency: host.policy.fleet.concurrency)
        host.console.message(dry.report)
        return dry.record
    }

    /// Without a terminal nobody can answer "Proceed?": refuse before anything is fetched,
    /// logged or sent, unless the caller consented up front (`--yes`, `confirm = false`).
    private func checkConsent(_ actionID: String, rehearsal: Bool) throws {
        guard !rehearsal, !host.policy.skipConfirmation, !host.policy.interactive else { return }
        throw HostError(ShellMessages.consentRequired(actionID), notes: ShellMessages.consentNotes,
                        exitCode: ExitStatus.usage)
    }

    private func checkPolicy(_ actionID: String) throws {
        let profile = host.connection.label.map { "profile '\($0)'" } ?? "this profile"
        if host.policy.readOnly {
            throw HostError("\(profile) is read-only: remote actions cannot be run",
                            notes: ["remove `read_only = true` from the profile to allow `run`"],
                            exitCode: ExitStatus.permission)
        }
        if let allowed = host.policy.allowedActions, !allowed.map(ActionID.normalize).contains(actionID) {
            throw HostError("\(actionID) is not in allowed_actions of \(profile)",
                            notes: ["allowed: " + allowed.joined(separator: ", ")],
                            exitCode: ExitStatus.permission)
        }
    }
}

/// What is about to run, for the confirmation prompt.
struct RunSummary {
    let action: RemoteAction
    let plan: FleetPlan

    var prompt: String {
        let request = plan.template, count = plan.deviceCount, batches = plan.batches.count
        var lines = ["About to run \(action.id) (\(action.name)) on \(count) device\(count == 1 ? "" : "s")"
            + (batches > 1 ? " in \(batches) batches" : "")]
        for key in request.params.keys.sorted() { lines.append("  \(key) = \(request.params[key] ?? "")") }
        lines.append("  expires in \(request.expiresInMinutes ?? 60) minutes")
        if let reason = request.triggerInfo?.reason { lines.append("  reason: \(reason)") }
        lines.append("Proceed? [y/N] ")
        return lines.joined(separator: "\n")
    }
}
