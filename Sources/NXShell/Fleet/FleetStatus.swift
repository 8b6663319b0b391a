#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NXLanguage
import NexthinkClient

/// One request that `status` and `wait` follow, and what lists its executions.
struct FollowedRequest: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A remote action run or a bare request id: the profile's `status_query`.
        case remoteAction
        /// A `run workflow` result: `RunPolicy.workflowStatusQuery`.
        case workflow
        /// A `run campaign` result: one request per targeted user, `#campaign_responses_by_request`.
        case campaign
    }

    var id: String
    var kind: Kind = .remoteAction
}

/// `status`: a saved NQL query for each request id of a run, one row per execution, queries
/// for many batches running side by side. The query depends on what ran (`FollowedRequest`).
struct FleetStatus {
    let connection: Connection
    let policy: RunPolicy

    static let finalStatuses: Set<String> = ["success", "failure", "expired"]

    /// Rows of every request, in request order.
    func rows(for requests: [FollowedRequest]) async throws -> [Value] {
        let client = try connection.client()
        let width = max(1, policy.fleet.concurrency)
        var collected: [[Value]] = []
        for start in stride(from: 0, to: requests.count, by: width) {
            let chunk = requests[start..<min(start + width, requests.count)]
            collected += try await withThrowingTaskGroup(of: (Int, [Value]).self) { group in
                for (offset, request) in chunk.enumerated() {
                    let query = switch request.kind {
                    case .remoteAction: policy.statusQuery
                    case .workflow: policy.workflowStatusQuery
                    case .campaign: Self.campaignResponsesQuery
                    }
                    group.addTask {
                        let result = try await client.executeNQL(queryID: query, parameters: ["request_id": request.id])
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

    static let campaignResponsesQuery = NQLQueryID(literal: "#campaign_responses_by_request")

    /// A run result (its `requestIds`, else `requestId`; a workflow run's `requestUuids`, else
    /// `requestUuid`; a campaign run's `requestId` per targeted user), a request id string/uuid,
    /// or a list of any of those.
    static func requests(in value: Value, kind: FollowedRequest.Kind = .remoteAction) throws -> [FollowedRequest] {
        switch value {
        case .uuid(let s):
            return [FollowedRequest(id: s, kind: kind)]
        case .string(let s):
            // A typo would otherwise be polled until the timeout, with no rows ever coming.
            guard UUID(uuidString: s) != nil else {
                throw HostError(ShellMessages.notARequestID(s), notes: [ShellMessages.requestIDHint], exitCode: ExitStatus.runtime)
            }
            return [FollowedRequest(id: s, kind: kind)]
        case .record(let r) where r["campaignId"] != nil && r["dryRun"] == nil:
            guard case .list(let users)? = r["requests"] else { return [] }
            return users.compactMap { user in
                guard case .record(let fields) = user, case .string(let id)? = fields["requestId"] else { return nil }
                return FollowedRequest(id: id, kind: .campaign)
            }
        case .record(let r) where r["workflowId"] != nil && r["dryRun"] == nil:
            if let ids = r["requestUuids"] ?? r["requestUuid"] { return try requests(in: ids, kind: .workflow) }
            throw HostError(ShellMessages.noRequestID, notes: [ShellMessages.runResultHint], exitCode: ExitStatus.runtime)
        case .record(let r):
            if let ids = r["requestIds"] { return try requests(in: ids, kind: kind) }
            if let id = r["requestId"] ?? r["request_id"] { return try requests(in: id, kind: kind) }
            let hint = r["dryRun"] == .bool(true) ? ShellMessages.dryRunResultHint : ShellMessages.runResultHint
            throw HostError(ShellMessages.noRequestID, notes: [hint], exitCode: ExitStatus.runtime)
        case .list(let items):
            return try items.flatMap { try requests(in: $0, kind: kind) }
        default:
            throw HostError(ShellMessages.statusOperand(value.typeName), exitCode: ExitStatus.runtime)
        }
    }

    /// Expected device count when the target says so (a run result), to tell "every row is
    /// final" from "some rows have not appeared yet" (NQL data can lag behind the execute call).
    /// Counts are clamped to 0 or more and summed saturating: a hand-made record may hold anything.
    /// A workflow run says exactly: one row per execution it was given.
    static func expectedDevices(in value: Value) -> Int? {
        if case .record(let r) = value, r["workflowId"] != nil, case .list(let executions)? = r["executionsUuids"] {
            return executions.count
        }
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
