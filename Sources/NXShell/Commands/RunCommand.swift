import NXLanguage
import NexthinkClient

/// `run`: check everything we can before the first POST (every device id, the action's
/// declared inputs, profile policy), ask for confirmation on a terminal, then send the
/// batches, each exactly once (StateChange/StateChangeRun).
struct RunCommand: StateChangeCommand {
    static let name = "run"
    static let kind = StateChangeGate.Kind(refusal: ShellMessages.runRefusal, command: "run",
                                           allowListKey: "allowed_actions")

    func subject(_ command: CommandInvocation, _ context: CommandContext) -> StateChangeSubject {
        .operand(of: command, allowList: context.policy.allowedActions)
    }

    func checkEarly(_ command: CommandInvocation, _ context: CommandContext, rehearsal: Bool) throws -> DeviceIDList {
        try DeviceTargets.collect(command.list("on"), spans: command.spans.clauses["on"])
    }

    func plan(_ command: CommandInvocation, _ context: CommandContext, _ targets: DeviceIDList) async throws -> FleetPlan {
        if targets.duplicatesDropped > 0 {
            context.console.message(ShellMessages.duplicatesDropped(targets.duplicatesDropped, unique: targets.ids.count))
        }
        let actionID = try NQLID(command.operandText ?? "", .remoteAction)
        let action = try await context.catalogue.details(actionID)
        // The client's rule, refused here with the exit status of a permission rather than
        // reported with the request's other problems.
        if let refusal = action.triggerProblems.first {
            throw HostError(ShellMessages.notAPIEnabled(refusal), notes: [ShellMessages.notAPIEnabledNote(refusal)],
                            exitCode: ExitStatus.permission)
        }
        let fleet = context.policy.fleet
        // triggerInfo is always sent so the service's own records show where a run came from.
        let trigger = TriggerInfo(externalSource: fleet.externalSource, reason: command.text("reason") ?? fleet.reason,
                                  externalReference: command.text("ref"))
        let batches = BatchPlanner.plan(targets.ids)
        let template = ExecutionRequest(remoteActionId: actionID, params: command.strings("with"), devices: [],
                                        expiresInMinutes: command.int("expires"), triggerInfo: trigger)
        var first = template
        first.devices = batches.first?.devices ?? []
        let problems = first.problems(against: action)
        if !problems.isEmpty {
            throw HostError(ShellMessages.invalidRequest(actionID.text, problems: problems.count),
                            notes: problems.map(\.description), span: span(of: problems[0], in: command),
                            exitCode: ExitStatus.runtime)
        }
        return FleetPlan(template: template, action: action, batches: batches, deviceCount: targets.ids.count,
                         duplicatesDropped: targets.duplicatesDropped)
    }

    func rehearse(_ plan: FleetPlan, concurrency: Int) -> (report: String, record: Value) {
        let dry = DryRun(plan: plan, concurrency: concurrency)
        return (dry.report, dry.record)
    }

    func prompt(_ plan: FleetPlan) -> String {
        RunSummary(plan: plan).prompt
    }

    /// The part of the command a validation problem is about: the parameter's name inside
    /// `with <...>`, the value of `expires`, the list of `on`...
    private func span(of problem: ValidationProblem, in command: CommandInvocation) -> SourceSpan {
        let spans = command.spans
        switch problem.field {
        case "remoteActionId": return spans.operand ?? spans.statement
        case "devices": return spans.clause("on")
        case "expiresInMinutes": return spans.clause("expires")
        case "triggerInfo.reason": return spans.clause("reason")
        case let field where field.hasPrefix("params."):
            return spans.clauses["with"]?.key(String(field.dropFirst("params.".count))) ?? spans.statement
        default: return spans.statement
        }
    }
}

/// What is about to run, for the confirmation prompt.
struct RunSummary {
    let plan: FleetPlan

    var prompt: String {
        let action = plan.action, request = plan.template, count = plan.deviceCount, batches = plan.batches.count
        var lines = [ShellMessages.aboutToRun(action.id, action.name, devices: count, batches: batches)]
        for key in request.params.keys.sorted() { lines.append(ShellMessages.promptParam(key, request.params[key] ?? "")) }
        lines.append(ShellMessages.promptExpires(request.expiresInMinutes ?? 60))
        if let reason = request.triggerInfo?.reason { lines.append(ShellMessages.promptReason(reason)) }
        lines.append(ShellMessages.proceed)
        return lines.joined(separator: "\n")
    }
}
