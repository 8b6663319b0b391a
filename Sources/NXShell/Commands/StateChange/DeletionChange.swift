import NXLanguage
import NexthinkClient

/// A device deletion, checked before sending: batches of at most 100 devices. Irreversible,
/// so a batch is never sent twice, whatever its outcome.
struct DeletionChange: BatchedChange {
    var batches: [Batch<DeviceToDelete>]
    var deviceCount: Int

    static let subject = "delete devices"
    var subject: String { Self.subject }
    var auditKind: String? { "deletion" }
    var itemNoun: String { "devices" }
    var unknownOutcomeAdvice: String { ShellMessages.deletionUnknownAdvice }

    func executor(_ client: NexthinkClient, concurrency: Int) -> BatchExecutor<DeviceToDelete, DeviceDeletionResponse> {
        BatchExecutor(deletionsWith: client, concurrency: concurrency)
    }

    func describeIntent(_ batch: Batch<DeviceToDelete>, in entry: inout AuditEntry) {
        entry.devicesSha256 = AuditEntry.digest(batch.items.map(\.uid.uuid))
    }

    func describeResponse(_ response: DeviceDeletionResponse, in entry: inout AuditEntry) {
        let missed = response.devices.count - response.scheduledCount
        if missed > 0 { entry.error = ShellMessages.devicesNotScheduled(missed) }
    }

    /// Every device with the status the service gave it; devices of batches that got no
    /// answer are in `batchResults` only.
    func value(_ results: [DeletionBatchResult]) -> Value {
        let answered = results.compactMap(\.response)
        return .record(Record([
            ("deviceCount", .int(deviceCount)),
            ("scheduledCount", .int(answered.map(\.scheduledCount).reduce(0, +))),
            ("devices", .list(answered.flatMap(\.devices).map { device in
                .record(Record([("uid", .string(device.uid)), ("name", .string(device.name)),
                                ("status", .string(device.status.rawValue))]))
            })),
            ("batches", .int(results.count)),
            ("failedBatches", .int(results.count - answered.count)),
            ("batchResults", .list(results.map { .record(Record(FleetValues.batchFields($0, noun: "device"))) })),
        ]))
    }

    func shortfall(_ results: [DeletionBatchResult]) -> [String] {
        results.compactMap(\.response).flatMap(\.devices).filter { $0.status != .scheduled }.map {
            ShellMessages.notScheduled(name: $0.name, uid: $0.uid, status: $0.status.rawValue)
        }
    }
}

/// The operand of `delete devices`: records with the device's uid and name (`<uid: ..., name:
/// ...>`, rows of `read_csv`, or NQL rows with `device.collector.uid` and `device.name`).
enum DeletionTargets {
    static func collect(_ value: Value?, span: SourceSpan) throws -> [DeviceToDelete] {
        let items: ValueList
        switch value {
        case .list(let list)?: items = list
        case .record(let record)?: items = [.record(record)]
        default:
            throw HostError(ShellMessages.deleteOperand(value?.typeName ?? "nothing"), notes: [ShellMessages.deleteExample],
                            span: span, exitCode: ExitStatus.scriptError)
        }
        let raw = items.map { item -> (uid: String, name: String) in
            guard case .record(let r) = item else { return ("", "") }
            return (text(r, ["uid", "device.uid", "device.collector.uid"]), text(r, ["name", "device.name"]))
        }
        let devices: [DeviceToDelete]
        do {
            devices = try DeviceToDelete.checked(raw)
        } catch {
            let notes = error.problems.map { problem in
                let place = problem.index.map { ShellMessages.rowPlace($0, items.place(at: $0)) } ?? problem.field
                return "\(place): \(problem.message)"
            }
            throw HostError(ShellMessages.deleteProblems(error.problems.count), notes: notes + [ShellMessages.deleteExample],
                            span: span, exitCode: ExitStatus.scriptError)
        }
        guard !devices.isEmpty else {
            throw HostError(ShellMessages.noDevicesToDelete, span: span, exitCode: ExitStatus.scriptError)
        }
        return devices
    }

    private static func text(_ record: Record, _ keys: [String]) -> String {
        for key in keys {
            if let value = record[key], value != .null { return ValueFormatter.text(value) }
        }
        return ""
    }
}
