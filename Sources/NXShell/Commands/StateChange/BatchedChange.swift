import NXLanguage
import NexthinkClient

/// What a batched state-changing command (run, run workflow, run campaign, enrich, delete)
/// hands to `StateChangeRun`, which does the rest the same way for all of them: audit intent
/// before each call and result after it, progress, interruption, partial failure (exit 71).
protocol BatchedChange: Sendable {
    associatedtype Item: Sendable
    associatedtype Response: Sendable

    /// What messages and the audit log name: `#restart_service`, `#wf_repair`, `enrichment`.
    var subject: String { get }
    /// The audit log's `kind`; nil for remote actions, whose lines never carried one.
    var auditKind: String? { get }
    /// What the progress line and batch problems count: "devices", "users", "objects".
    var itemNoun: String { get }
    var batches: [Batch<Item>] { get }

    func executor(_ client: NexthinkClient, concurrency: Int) -> BatchExecutor<Item, Response>
    /// What the request carries, minus the item list (digested), for the intent line.
    func describeIntent(_ batch: Batch<Item>, in entry: inout AuditEntry)
    /// What the service answered, for the result line.
    func describeResponse(_ response: Response, in entry: inout AuditEntry)
    /// The statement's value: every batch, failed ones included.
    func value(_ results: [BatchResult<Item, Response>]) -> Value
    /// Items of accepted batches the service did not act on (a user a campaign could not
    /// target, an object enrichment refused), one line each; any of them means exit 71.
    func shortfall(_ results: [BatchResult<Item, Response>]) -> [String]
}

extension BatchedChange {
    var auditKind: String? { nil }
    func shortfall(_ results: [BatchResult<Item, Response>]) -> [String] { [] }
}
