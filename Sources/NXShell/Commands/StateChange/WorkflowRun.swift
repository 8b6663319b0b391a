import NXLanguage
import NexthinkClient

/// A workflow run, decided before sending: the targets in batches and what every call shares.
///
/// Batches hold at most 10,000 targets, devices first and then users, so each call is within
/// both per-call limits (10,000 devices, 10,000 users) and batch N covers a predictable range
/// of that list; a run of up to 10,000 targets in all is one call.
struct WorkflowRun: BatchedChange {
    var id: NQLID
    var workflow: Workflow
    var params: [String: String]
    /// v2 (external ids) when any target was written as a record.
    var externalIDs: Bool
    var batches: [Batch<WorkflowTarget>]
    var deviceCount: Int
    var userCount: Int
    var duplicatesDropped: Int
    /// Not sent (the execute bodies have no such field): recorded in the audit log.
    var trigger: TriggerInfo

    static let batchSize = Limits.workflowTargets.upperBound

    /// A workflow that targets no one (dependency NONE) still takes one call, with empty lists.
    static func batches(_ targets: [WorkflowTarget]) -> [Batch<WorkflowTarget>] {
        targets.isEmpty ? [Batch(index: 1, firstPosition: 1, items: [])] : BatchPlanner.batches(targets, size: batchSize)
    }

    var subject: String { id.text }
    var auditKind: String? { "workflow" }
    var itemNoun: String { "targets" }

    func body(_ targets: [WorkflowTarget]) -> WorkflowExecuteBody {
        WorkflowExecuteBody(workflowId: id, targets: targets, params: params, externalIDs: externalIDs)
    }

    func executor(_ client: NexthinkClient, concurrency: Int) -> BatchExecutor<WorkflowTarget, WorkflowExecutionResponse> {
        let run = self
        return BatchExecutor(workflow: workflow, body: { run.body($0) }, client: client, source: trigger.externalSource,
                             concurrency: concurrency)
    }

    func describeIntent(_ batch: Batch<WorkflowTarget>, in entry: inout AuditEntry) {
        entry.devicesSha256 = AuditEntry.digest(batch.items.map(\.text))
        entry.params = params
        entry.triggerInfo = trigger
    }

    func describeResponse(_ response: WorkflowExecutionResponse, in entry: inout AuditEntry) {
        entry.requestId = response.requestUuid
    }

    /// `requestUuids` in batch order (and `requestUuid` when the run was one call);
    /// `batchResults` has every batch, failed ones included.
    func value(_ results: [BatchResult<WorkflowTarget, WorkflowExecutionResponse>]) -> Value {
        let accepted = results.compactMap(\.response)
        var fields: [(String, Value)] = [("workflowId", .nqlID(workflow.id))]
        if results.count == 1, let only = accepted.first { fields.append(("requestUuid", .string(only.requestUuid))) }
        fields += [
            ("requestUuids", .list(accepted.map { .string($0.requestUuid) })),
            ("executionsUuids", .list(accepted.flatMap(\.executionsUuids).map { .string($0) })),
            ("deviceCount", .int(deviceCount)),
            ("userCount", .int(userCount)),
            ("batches", .int(results.count)),
            ("failedBatches", .int(results.count - accepted.count)),
            ("duplicatesDropped", .int(duplicatesDropped)),
            ("batchResults", .list(results.map { result in
                .record(Record([
                    ("index", .int(result.batch.index)),
                    ("targetRange", .string(result.batch.range)),
                    ("targetCount", .int(result.batch.items.count)),
                    ("requestUuid", result.response.map { .string($0.requestUuid) } ?? .null),
                    ("error", FleetValues.error(result)),
                    ("outcomeUnknown", .bool(result.outcomeUnknown)),
                ]))
            })),
        ]
        return .record(Record(fields))
    }
}
