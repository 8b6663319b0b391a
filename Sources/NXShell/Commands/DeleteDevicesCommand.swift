import NXLanguage
import NexthinkClient

/// `delete devices [<uid: ..., name: ...>, ...]`: schedules devices for removal from the
/// inventory, at most 100 per call, never resent. Irreversible, so consent is stricter than
/// `run`'s: on a terminal the operator types the number of devices; consent given up front
/// (`--yes`, `confirm = false`) counts only when the profile says `allow_device_deletion = true`.
struct DeleteDevicesCommand: ShellCommand {
    static let name = "delete devices"
    static let kind = StateChangeGate.Kind(refusal: ShellMessages.deleteRefusal, command: "delete devices", allowListKey: nil)

    struct Plan: Sendable {
        var change: DeletionChange
        var rehearsal: Bool
    }

    func validate(_ invocation: CommandInvocation, _ context: CommandContext) async throws -> Plan {
        let gate = StateChangeGate(kind: Self.kind, context: context)
        let subject = DeletionChange.subject
        try gate.checkPolicy(subject, allowed: nil)
        let rehearsal = try context.dryRun()
        try checkUpFrontConsent(context, rehearsal: rehearsal)
        try gate.checkConsent(subject, rehearsal: rehearsal)
        let span = invocation.spans.operand ?? invocation.spans.statement
        let devices = try DeletionTargets.collect(invocation.operand, span: span)
        let change = DeletionChange(batches: BatchPlanner.batches(devices, size: DeletionLimits.devicesPerRequest),
                                    deviceCount: devices.count)
        return Plan(change: change, rehearsal: rehearsal)
    }

    /// Consent that no person gives at the time (`--yes`, `confirm = false`) must be backed by
    /// the profile; a dry run needs none.
    private func checkUpFrontConsent(_ context: CommandContext, rehearsal: Bool) throws {
        let policy = context.policy
        guard !rehearsal, !policy.allowDeviceDeletion, policy.skipConfirmation || !policy.interactive else { return }
        throw HostError(ShellMessages.deletionNotAllowed(ShellMessages.profileName(context.connection.label)), notes: ShellMessages.deletionNotAllowedNotes,
                        exitCode: ExitStatus.permission)
    }

    func perform(_ plan: Plan, _ context: CommandContext) async throws -> Value {
        let change = plan.change
        if plan.rehearsal {
            context.console.message(Self.dryRunReport(change, concurrency: context.policy.fleet.concurrency))
            return .record(Record([
                ("dryRun", .bool(true)), ("deviceCount", .int(change.deviceCount)), ("batches", .int(change.batches.count)),
                ("deviceRanges", .list(change.batches.map { .string($0.range) })),
            ]))
        }
        let devices = change.batches.flatMap(\.items)
        try await StateChangeGate(kind: Self.kind, context: context)
            .confirm(change.subject, prompt: ShellMessages.deletePrompt(devices.map { ($0.name, $0.uid) }),
                     typing: String(devices.count))
        return try await StateChangeRun(context: context, change: change).execute()
    }

    static func dryRunReport(_ change: DeletionChange, concurrency: Int) -> String {
        var lines = [ShellMessages.deleteDryRun(change.deviceCount, batches: change.batches.count, concurrency: concurrency)]
        lines += DryRun.batchLines(change.batches, noun: change.itemNoun)
        if let first = change.batches.first {
            lines.append("  POST /api/v1/data-management/device/deletions, body of batch 1:")
            lines.append("  " + DryRun.body(first.items) { DeviceDeletionRequest(devices: $0) })
        }
        return lines.joined(separator: "\n")
    }
}
