import NXLanguage
import NexthinkClient

/// Run outcomes as language values.
enum FleetValues {
    /// `requestIds` holds the accepted batches' ids in batch order; `batchResults` has one
    /// entry per batch (failed ones included) so scripts can find what did not go out.
    static func run(_ plan: FleetPlan, _ results: [ExecutionBatchResult]) -> Value {
        let accepted = results.compactMap(\.response)
        var fields: [(String, Value)] = [("remoteActionId", .nqlID(plan.template.remoteActionId.text))]
        if results.count == 1, let only = accepted.first { fields.append(("requestId", .string(only.requestId))) }
        fields += [
            ("requestIds", .list(accepted.map { .string($0.requestId) })),
            ("expiresInMinutes", accepted.first?.expiresInMinutes.map { Value.int($0) } ?? .null),
            ("deviceCount", .int(plan.deviceCount)),
            ("batches", .int(results.count)),
            ("failedBatches", .int(results.count - accepted.count)),
            ("duplicatesDropped", .int(plan.duplicatesDropped)),
            ("batchResults", .list(results.map(batch))),
        ]
        return .record(Record(fields))
    }

    static func batch(_ result: ExecutionBatchResult) -> Value {
        var fields = batchFields(result, noun: "device")
        fields.insert(("requestId", result.response.map { .string($0.requestId) } ?? .null), at: 3)
        return .record(Record(fields))
    }

    /// What the record of every batch holds, whatever the change: its number, the range and
    /// count of its items (`deviceRange`, `objectRange`), its error, whether its outcome is unknown.
    static func batchFields<Item, Response>(_ result: BatchResult<Item, Response>, noun: String) -> [(String, Value)] {
        [
            ("index", .int(result.batch.index)),
            (noun + "Range", .string(result.batch.range)),
            (noun + "Count", .int(result.batch.items.count)),
            ("error", error(result)),
            ("outcomeUnknown", .bool(result.outcomeUnknown)),
        ]
    }

    /// Why a batch did not go through, null when it did.
    static func error<Item, Response>(_ result: BatchResult<Item, Response>) -> Value {
        switch result.outcome {
        case .accepted: .null
        case .failed(let e): .string(ErrorMapping.hostError(e).message)
        case .notSent(let reason): .string(reason)
        }
    }

    /// One line per batch that did not go through, for warnings and errors.
    static func problem<Item, Response>(_ result: BatchResult<Item, Response>, noun: String = "devices",
                                        unknownAdvice: String = ShellMessages.runUnknownAdvice) -> String? {
        let batch = result.batch
        switch result.outcome {
        case .accepted:
            return nil
        case .failed(let e):
            return ShellMessages.batchFailed(batch.index, noun, range: batch.range, ErrorMapping.hostError(e).message,
                                             unknownAdvice: result.outcomeUnknown ? unknownAdvice : nil)
        case .notSent(let reason):
            return ShellMessages.batchNotSent(batch.index, noun, range: batch.range, reason)
        }
    }
}
