import NXLanguage
import NexthinkClient

/// A command that changes state (run, run workflow, run campaign, enrich, delete devices). It
/// writes only what is its own — what it names, the checks made before consent, the change it
/// plans, its dry run and its prompt — and gets `validate` and `perform` from here, so every
/// such command takes the same steps in the same order: the profile's policy, the dry-run
/// setting, its own early checks, consent without a terminal, its plan; then a dry run, or
/// confirmation and the batches (`StateChangeRun`).
protocol StateChangeCommand: ShellCommand where Plan == StateChangePlan<Change> {
    associatedtype Change: BatchedChange
    /// What is checked before consent is asked for (the targets), handed on to `plan`.
    associatedtype Early: Sendable = Void

    static var kind: StateChangeGate.Kind { get }
    /// What the policy and consent messages name (`#restart_service`, `enrich devices`), and
    /// the profile's allow-list for it (nil when the kind has none).
    func subject(_ invocation: CommandInvocation, _ context: CommandContext) throws -> StateChangeSubject
    /// Checks that must fail before "needs --yes" would (bad targets are reported even
    /// without a terminal); nothing is fetched or sent.
    func checkEarly(_ invocation: CommandInvocation, _ context: CommandContext, rehearsal: Bool) throws -> Early
    /// The checked change; may read (the action's details) but sends nothing that changes state.
    func plan(_ invocation: CommandInvocation, _ context: CommandContext, _ early: Early) async throws -> Change
    /// What a dry run prints on stderr, and its value.
    func rehearse(_ change: Change, concurrency: Int) -> (report: String, record: Value)
    func prompt(_ change: Change) -> String
    /// What the operator must type to consent (irreversible changes); nil for a plain yes.
    func typedConsent(_ change: Change) -> String?
}

/// What a state-changing command names in its policy checks.
struct StateChangeSubject {
    var id: String
    var allowed: [String]?

    /// The command's `#id` operand against a profile allow-list, both with their `#`, so an
    /// entry written without one still matches.
    static func operand(of command: CommandInvocation, allowList: [String]?) -> StateChangeSubject {
        StateChangeSubject(id: NQLID.hashed(command.operandText ?? ""), allowed: allowList?.map(NQLID.hashed))
    }
}

/// A checked change: sent in `perform`, or only shown when it is a rehearsal.
struct StateChangePlan<Change: BatchedChange>: Sendable {
    var change: Change
    var rehearsal: Bool
}

extension StateChangeCommand {
    func validate(_ invocation: CommandInvocation, _ context: CommandContext) async throws -> Plan {
        let subject = try subject(invocation, context)
        let gate = StateChangeGate(kind: Self.kind, context: context)
        try gate.checkPolicy(subject.id, allowed: subject.allowed)
        let rehearsal = try context.dryRun()
        let early = try checkEarly(invocation, context, rehearsal: rehearsal)
        try gate.checkConsent(subject.id, rehearsal: rehearsal)
        return Plan(change: try await plan(invocation, context, early), rehearsal: rehearsal)
    }

    func perform(_ plan: Plan, _ context: CommandContext) async throws -> Value {
        let change = plan.change
        if plan.rehearsal {
            let dry = rehearse(change, concurrency: context.policy.fleet.concurrency)
            context.console.message(dry.report)
            return dry.record
        }
        let gate = StateChangeGate(kind: Self.kind, context: context)
        if let typed = typedConsent(change) {
            try await gate.confirm(change.subject, prompt: prompt(change), typing: typed)
        } else {
            try await gate.confirm(change.subject, prompt: prompt(change))
        }
        return try await StateChangeRun(context: context, change: change).execute()
    }

    func typedConsent(_ change: Change) -> String? { nil }
}

extension StateChangeCommand where Early == Void {
    func checkEarly(_ invocation: CommandInvocation, _ context: CommandContext, rehearsal: Bool) throws {}
}
