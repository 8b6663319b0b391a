import NXLanguage
import NexthinkClient

/// `delete devices [<uid: ..., name: ...>, ...]`: schedules devices for removal from the
/// inventory, at most 100 per call, never resent. Irreversible, so consent is stricter than
/// `run`'s: on a terminal the operator types the number of devices; consent given up front
/// (`--yes`, `confirm = false`) counts only when the profile says `allow_device_deletion = true`.
struct DeleteDevicesCommand: StateChangeCommand {
    static let name = "delete devices"
    static let kind = StateChangeGate.Kind(refusal: ShellMessages.deleteRefusal, command: "delete devices", allowListKey: nil)

    func subject(_ invocation: CommandInvocation, _ context: CommandContext) -> StateChangeSubject {
        StateChangeSubject(id: DeletionChange.subject, allowed: nil)
    }

    /// Consent that no person gives at the time (`--yes`, `confirm = false`) must be backed by
    /// the profile; a dry run needs none.
    func checkEarly(_ invocation: CommandInvocation, _ context: CommandContext, rehearsal: Bool) throws {
        let policy = context.policy
        guard !rehearsal, !policy.allowDeviceDeletion, policy.skipConfirmation || !policy.interactive else { return }
        throw HostError(ShellMessages.deletionNotAllowed(ShellMessages.profileName(context.connection.label)), notes: ShellMessages.deletionNotAllowedNotes,
                        exitCode: ExitStatus.permission)
    }

    func plan(_ invocation: CommandInvocation, _ context: CommandContext, _ early: Void) async throws -> DeletionChange {
        let span = invocation.spans.operand ?? invocation.spans.statement
        let devices = try DeletionTargets.collect(invocation.operand, span: span)
        return DeletionChange(batches: BatchPlanner.batches(devices, size: DeletionLimits.devicesPerRequest),
                              deviceCount: devices.count)
    }

    func rehearse(_ change: DeletionChange, concurrency: Int) -> (report: String, record: Value) {
        (Self.dryRunReport(change, concurrency: concurrency), .record(Record([
            ("dryRun", .bool(true)), ("deviceCount", .int(change.deviceCount)), ("batches", .int(change.batches.count)),
            ("deviceRanges", .list(change.batches.map { .string($0.range) })),
        ])))
    }

    func prompt(_ change: DeletionChange) -> String {
        ShellMessages.deletePrompt(change.batches.flatMap(\.items).map { ($0.name, $0.uid.uuid) })
    }

    /// The number of devices, so a reflexive `y` or a pasted line cannot consent.
    func typedConsent(_ change: DeletionChange) -> String? {
        String(change.deviceCount)
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
