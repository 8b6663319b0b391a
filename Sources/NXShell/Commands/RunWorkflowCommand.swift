import NXLanguage
import NexthinkClient

/// `run workflow #id [on DEVICES] [users USERS] [with <...>] [reason "..."] [ref "..."]`: every
/// target and parameter checked against the workflow's details before the first call, then
/// the batches sent once each (StateChange/StateChangeRun), as `run` does for remote actions.
struct RunWorkflowCommand: ShellCommand {
    static let name = "run workflow"
    static let kind = StateChangeGate.Kind(refusal: ShellMessages.workflowRefusal, command: "run workflow",
                                           allowListKey: "allowed_workflows")

    struct Plan: Sendable {
        var run: WorkflowRun
        var rehearsal: Bool
    }

    func validate(_ command: CommandInvocation, _ context: CommandContext) async throws -> Plan {
        let id = ActionID.normalize(command.operandText ?? "")
        let gate = StateChangeGate(kind: Self.kind, context: context)
        try gate.checkPolicy(id, allowed: context.policy.allowedWorkflows?.map(ActionID.normalize))
        let rehearsal = try context.dryRun()
        let targets = try WorkflowTargetValues.collect(command)
        try gate.checkConsent(id, rehearsal: rehearsal)
        if targets.duplicatesDropped > 0 {
            context.console.message(ShellMessages.duplicateTargetsDropped(targets.duplicatesDropped, unique: targets.targets.count))
        }
        let workflow = try await WorkflowReads.workflow(command, connection: context.connection)
        guard workflow.isAPIEnabled else {
            throw HostError(ShellMessages.workflowNotAPIEnabled(id), notes: [ShellMessages.workflowNotAPIEnabledNote],
                            span: command.spans.operand, exitCode: ExitStatus.permission)
        }
        let fleet = context.policy.fleet
        let run = WorkflowRun(workflow: workflow, params: command.strings("with"), externalIDs: targets.externalIDs,
                              batches: WorkflowRun.batches(targets.targets),
                              deviceCount: targets.deviceCount, userCount: targets.userCount,
                              duplicatesDropped: targets.duplicatesDropped,
                              trigger: TriggerInfo(externalSource: fleet.externalSource, reason: command.text("reason") ?? fleet.reason,
                                                   externalReference: command.text("ref")))
        let problems = run.body(run.batches.first?.items ?? []).problems(against: workflow)
        if !problems.isEmpty {
            throw HostError(ShellMessages.invalidWorkflowRequest(id, problems: problems.count), notes: problems.map(\.description),
                            span: span(of: problems[0], in: command), exitCode: ExitStatus.runtime)
        }
        return Plan(run: run, rehearsal: rehearsal)
    }

    func perform(_ plan: Plan, _ context: CommandContext) async throws -> Value {
        let run = plan.run
        if plan.rehearsal {
            let dry = WorkflowDryRun(run: run, concurrency: context.policy.fleet.concurrency)
            context.console.message(dry.report)
            return dry.record
        }
        let targets = ShellMessages.targetCount(devices: run.deviceCount, users: run.userCount)
        try await StateChangeGate(kind: Self.kind, context: context)
            .confirm(run.workflow.id, prompt: ShellMessages.workflowPrompt((run.workflow.id, run.workflow.name), targets: targets, batches: run.batches.count,
                                                                      params: run.params, reason: run.trigger.reason))
        return try await StateChangeRun(context: context, change: run).execute()
    }

    /// Targets were checked one by one already; what is left is about the workflow, its
    /// parameters or a missing target.
    private func span(of problem: ValidationProblem, in command: CommandInvocation) -> SourceSpan {
        let spans = command.spans
        switch problem.field {
        case "workflowId": return spans.operand ?? spans.statement
        case let field where field.hasPrefix("params."):
            return spans.clauses["with"]?.key(String(field.dropFirst("params.".count))) ?? spans.clause("with")
        default: return spans.statement
        }
    }
}
