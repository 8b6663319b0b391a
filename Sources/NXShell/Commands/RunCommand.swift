import NXLanguage
import NexthinkClient

/// `run`: check everything we can before the first POST (every device id, the action's
/// declared inputs, profile policy), ask for confirmation on a terminal, then send the
/// batches, each exactly once (StateChange/StateChangeRun).
struct RunCommand: ShellCommand {
    static let name = "run"
    static let kind = StateChangeGate.Kind(refusal: ShellMessages.runRefusal, command: "run",
                                           allowListKey: "allowed_actions")

    /// A checked run: sent in `perform`, or only shown when it is a rehearsal.
    struct Plan: Sendable {
        var fleet: FleetPlan
        var action: RemoteAction
        var rehearsal: Bool
    }

    func validate(_ command: CommandInvocation, _ context: CommandContext) async throws -> Plan {
        let actionID = ActionID.normalize(command.operandText ?? "")
        let gate = StateChangeGate(kind: Self.kind, context: context)
        try gate.checkPolicy(actionID, allowed: context.policy.allowedActions?.map(ActionID.normalize))
        let rehearsal = try context.dryRun()
        let targets = try DeviceTargets.collect(command.list("on"), spans: command.spans.clauses["on"])
        try gate.checkConsent(actionID, rehearsal: rehearsal)
        if targets.duplicatesDropped > 0 {
            context.console.message(ShellMessages.duplicatesDropped(targets.duplicatesDropped, unique: targets.ids.count))
        }
        let action = try await context.catalogue.details(actionID)
        guard action.targeting.apiEnabled else {
            throw HostError(ShellMessages.notAPIEnabled(actionID), notes: [ShellMessages.notAPIEnabledNote],
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
        do {
            try first.validate(against: action)
        } catch {
            throw HostError(ShellMessages.invalidRequest(actionID, problems: error.problems.count),
                            notes: error.problems.map(\.description), span: error.problems.first.map { span(of: $0, in: command) },
                            exitCode: ExitStatus.runtime)
        }
        let plan = FleetPlan(template: template, batches: batches, deviceCount: targets.ids.count,
                             duplicatesDropped: targets.duplicatesDropped)
        return Plan(fleet: plan, action: action, rehearsal: rehearsal)
    }

    func perform(_ plan: Plan, _ context: CommandContext) async throws -> Value {
        if plan.rehearsal {
            let dry = DryRun(plan: plan.fleet, action: plan.action, concurrency: context.policy.fleet.concurrency)
            context.console.message(dry.report)
            return dry.record
        }
        try await StateChangeGate(kind: Self.kind, context: context)
            .confirm(plan.fleet.template.remoteActionId, prompt: RunSummary(action: plan.action, plan: plan.fleet).prompt)
        return try await StateChangeRun(context: context, change: plan.fleet).execute()
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
}

/// What is about to run, for the confirmation prompt.
struct RunSummary {
    let action: RemoteAction
    let plan: FleetPlan

    var prompt: String {
        let request = plan.template, count = plan.deviceCount, batches = plan.batches.count
        var lines = [ShellMessages.aboutToRun(action.id, action.name, devices: count, batches: batches)]
        for key in request.params.keys.sorted() { lines.append(ShellMessages.promptParam(key, request.params[key] ?? "")) }
        lines.append(ShellMessages.promptExpires(request.expiresInMinutes ?? 60))
        if let reason = request.triggerInfo?.reason { lines.append(ShellMessages.promptReason(reason)) }
        lines.append(ShellMessages.proceed)
        return lines.joined(separator: "\n")
    }
}
