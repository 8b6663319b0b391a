import NXLanguage
import NexthinkClient

/// A remote action run, decided before sending: the batches and the request shared by all of them.
struct FleetPlan: BatchedChange {
    var template: ExecutionRequest
    /// The action's details, as checked: its name for the prompt and the dry run.
    var action: RemoteAction
    var batches: [DeviceBatch]
    var deviceCount: Int
    var duplicatesDropped: Int

    var subject: String { template.remoteActionId.text }
    var itemNoun: String { "devices" }

    func executor(_ client: NexthinkClient, concurrency: Int) -> BatchExecutor<CollectorID, ExecutionResponse> {
        BatchExecutor(template: template, client: client, concurrency: concurrency)
    }

    func describeIntent(_ batch: DeviceBatch, in entry: inout AuditEntry) {
        entry.devicesSha256 = AuditEntry.digest(batch.devices.map(\.uuid))
        entry.params = template.params
        entry.expiresInMinutes = template.expiresInMinutes
        entry.triggerInfo = template.triggerInfo
    }

    func describeResponse(_ response: ExecutionResponse, in entry: inout AuditEntry) {
        entry.requestId = response.requestId
        entry.expiresInMinutes = response.expiresInMinutes
    }

    func value(_ results: [ExecutionBatchResult]) -> Value {
        FleetValues.run(self, results)
    }
}
