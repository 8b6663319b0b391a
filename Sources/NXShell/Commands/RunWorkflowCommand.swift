import NXLanguage
import NexthinkClient

/// `run workflow #id [on DEVICES] [users USERS] [with <...>] [reason "..."] [ref "..."]`: every
/// target and parameter checked against the workflow's details before the first call, then
/// the batches sent once each (StateChange/StateChangeRun), as `run` does for remote actions.
struct RunWorkflowCommand: StateChangeCommand {
    static let name = "run workflow"
    static let kind = StateChangeGate.Kind(refusal: ShellMessages.workflowRefusal, command: "run workflow",
                                           allowListKey: "allowed_workflows")

    func subject(_ command: CommandInvocation, _ context: CommandContext) -> StateChangeSubject {
        .operand(of: command, allowList: context.policy.allowedWorkflows)
    }

    func checkEarly(_ command: CommandInvocation, _ context: CommandContext, rehearsal: Bool) throws -> WorkflowTargetValues {
        try WorkflowTargetValues.collect(command)
    }

    func plan(_ command: CommandInvocation, _ context: CommandContext, _ targets: WorkflowTargetValues) async throws -> WorkflowRun {
        if targets.duplicatesDropped > 0 {
            context.console.message(ShellMessages.duplicateTargetsDropped(targets.duplicatesDropped, unique: targets.targets.count))
        }
        let id = try NQLID(command.operandText ?? "", .workflow)
        let workflow = try await WorkflowReads.workflow(id, command, connection: context.connection)
        // The client's rule: a missing API trigger is refused here with the exit status of a
        // permission; an inactive workflow is reported below with the request's other problems.
        if let refusal = workflow.triggerProblems.first(where: { $0.kind == .noAPITrigger }) {
            throw HostError(ShellMessages.workflowNotAPIEnabled(refusal), notes: [ShellMessages.workflowNotAPIEnabledNote(refusal)],
                            span: command.spans.operand, exitCode: ExitStatus.permission)
        }
        let fleet = context.policy.fleet
        let run = WorkflowRun(id: id, workflow: workflow, params: command.strings("with"), externalIDs: targets.externalIDs,
                              batches: WorkflowRun.batches(targets.targets),
                              deviceCount: targets.deviceCount, userCount: targets.userCount,
                              duplicatesDropped: targets.duplicatesDropped,
                              trigger: TriggerInfo(externalSource: fleet.externalSource, reason: command.text("reason") ?? fleet.reason,
                                                   externalReference: command.text("ref")))
        let problems = run.body(run.batches.first?.items ?? []).problems(against: workflow)
        if !problems.isEmpty {
            throw HostError(ShellMessages.invalidWorkflowRequest(id.text, problems: problems.count), notes: problems.map(\.description),
                            span: span(of: problems[0], in: command), exitCode: ExitStatus.runtime)
        }
        return run
    }

    func rehearse(_ run: WorkflowRun, concurrency: Int) -> (report: String, record: Value) {
        let dry = WorkflowDryRun(run: run, concurrency: concurrency)
        return (dry.report, dry.record)
    }

    func prompt(_ run: WorkflowRun) -> String {
        ShellMessages.workflowPrompt((run.workflow.id, run.workflow.name),
                                     targets: ShellMessages.targetCount(devices: run.deviceCount, users: run.userCount),
                                     batches: run.batches.count, params: run.params, reason: run.trigger.reason)
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
