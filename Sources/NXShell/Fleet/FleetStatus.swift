import Foundation
import NXLanguage
import NexthinkClient

/// `status`: the saved NQL query (`status_query`) for each request id of a run, one row per
/// device, queries for many batches running side by side.
struct FleetStatus {
    let connection: Connection
    let policy: RunPolicy

    static let finalStatuses: Set<String> = ["success", "failure", "expired"]

    func status(of target: Value) async throws -> Value {
        .list(try await rows(for: try Self.requestIDs(in: target)))
    }

    /// Rows of every request, in request order, from `query` (default: the profile's status
    /// query, over remote action executions).
    func rows(for ids: [String], query: String? = nil) async throws -> [Value] {
        let client = try connection.client()
        let query = query ?? policy.statusQuery
        let width = max(1, policy.fleet.concurrency)
        var collected: [[Value]] = []
        for start in stride(from: 0, to: ids.count, by: width) {
            let chunk = ids[start..<min(start + width, ids.count)]
            collected += try await withThrowingTaskGroup(of: (Int, [Value]).self) { group in
                for (offset, id) in chunk.enumerated() {
                    group.addTask {
                        let result = try await client.executeNQL(queryID: query, parameters: ["request_id": id])
                        return (offset, APIValues.rows(result))
                    }
                }
                var parts = [[Value]](repeating: [], count: chunk.count)
                for try await (offset, rows) in group { parts[offset] = rows }
                return parts
            }
        }
        return collected.flatMap { $0 }
    }

    /// The requests `status` reads and the saved query that has their rows.
    struct Requests: Sendable {
        var ids: [String]
        var query: String
    }

    static let campaignResponsesQuery = "#campaign_responses_by_request"

    /// What `status` follows, by the kind of result: a campaign run's responses, or the
    /// executions of a remote action run (or of request ids) from the profile's status query.
    static func requests(in target: Value, policy: RunPolicy) throws -> Requests {
        if let ids = try campaignRequestIDs(in: target) { return Requests(ids: ids, query: campaignResponsesQuery) }
        return Requests(ids: try requestIDs(in: target), query: policy.statusQuery)
    }

    /// The request ids of a campaign run (or of a list of them): one per targeted user. nil
    /// when `target` is not a campaign run.
    static func campaignRequestIDs(in target: Value) throws -> [String]? {
        switch target {
        case .record(let r) where r["campaignId"] != nil:
            if r["dryRun"] == .bool(true) {
                throw HostError(ShellMessages.noRequestID, notes: [ShellMessages.dryRunResultHint], exitCode: ExitStatus.runtime)
            }
            guard case .list(let requests)? = r["requests"] else { return [] }
            return requests.compactMap { request in
                guard case .record(let fields) = request, case .string(let id)? = fields["requestId"] else { return nil }
                return id
            }
        case .list(let items) where !items.isEmpty:
            let parts = try items.map(campaignRequestIDs(in:))
            return parts.contains { $0 == nil } ? nil : parts.flatMap { $0 ?? [] }
        default:
            return nil
        }
    }

    /// A run result (its `requestIds`, else `requestId`), a request id string/uuid, or a list
    /// of any of those.
    static func requestIDs(in value: Value) throws -> [String] {
        switch value {
        case .uuid(let s):
            return [s]
        case .string(let s):
            // A typo would otherwise be polled until the timeout, with no rows ever coming.
            guard UUID(uuidString: s) != nil else {
                throw HostError(ShellMessages.notARequestID(s), notes: [ShellMessages.requestIDHint], exitCode: ExitStatus.runtime)
            }
            return [s]
        case .record(let r):
            if r["campaignId"] != nil {
                throw HostError(ShellMessages.campaignNotWaitable, notes: [ShellMessages.campaignNotWaitableNote],
                                exitCode: ExitStatus.runtime)
            }
            if let ids = r["requestIds"] { return try requestIDs(in: ids) }
            if let id = r["requestId"] ?? r["request_id"] { return try requestIDs(in: id) }
            let hint = r["dryRun"] == .bool(true) ? ShellMessages.dryRunResultHint : ShellMessages.runResultHint
            throw HostError(ShellMessages.noRequestID, notes: [hint], exitCode: ExitStatus.runtime)
        case .list(let items):
            return try items.flatMap(requestIDs(in:))
        default:
            throw HostError(ShellMessages.statusOperand(value.typeName), exitCode: ExitStatus.runtime)
        }
    }

    /// Expected device count when the target says so (a run result), to tell "every row is
    /// final" from "some rows have not appeared yet" (NQL data can lag behind the execute call).
    /// Counts are clamped to 0 or more and summed saturating: a hand-made record may hold anything.
    static func expectedDevices(in value: Value) -> Int? {
        guard case .record(let r) = value, case .int(let n)? = r["deviceCount"] else { return nil }
        if case .int(let failed)? = r["failedBatches"], failed > 0, case .list(let batches)? = r["batchResults"] {
            return batches.reduce(0) { sum, batch in
                guard case .record(let b) = batch, case .string? = b["requestId"], case .int(let c)? = b["deviceCount"] else { return sum }
                let (total, overflow) = sum.addingReportingOverflow(max(c, 0))
                return overflow ? Int.max : total
            }
        }
        return max(n, 0)
    }
}
