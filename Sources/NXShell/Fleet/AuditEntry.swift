import Crypto
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NexthinkClient
import NXLanguage

/// One line of the audit log. An `intent` is written (and synced) before a batch's POST, a
/// `result` after it, so a log cut short by a crash or `kill -9` still says which batches
/// may have been sent. Never holds a secret or token: only what the request body carries,
/// minus the device list (replaced by its digest).
struct AuditEntry: Codable, Sendable, Equatable {
    enum Event: String, Codable, Sendable { case intent, result }

    var time: String
    var event: Event
    /// Correlates the entries of one `run` statement.
    var run: String
    /// What was changed: absent for remote actions (the first kind, logged before there were
    /// others), else `workflow`, `campaign`, `enrichment` or `deletion`.
    var kind: String?
    var profile: String?
    /// API host the batch was (to be) sent to.
    var api: String
    var action: String
    var batch: Int
    var batches: Int
    var deviceRange: String
    var deviceCount: Int
    /// SHA-256 (hex) of the batch's device ids as sent, one per line, each ending in "\n":
    /// the same as `sha256sum` of a file holding those lines.
    var devicesSha256: String?
    var params: [String: String]?
    var expiresInMinutes: Int?
    var triggerInfo: TriggerInfo?
    var requestId: String?
    var error: String?
    var outcomeUnknown: Bool?
    /// Set when an idempotent call (enrichment) was sent again after an unknown outcome.
    var attempts: Int?
    /// Items of an accepted batch the service did not act on (users a campaign could not target).
    var notActedOn: Int?

    static func timestamp(_ date: Date = Date()) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    static func digest(_ devices: [String]) -> String {
        var hasher = SHA256()
        for id in devices {
            hasher.update(data: Array(id.utf8))
            hasher.update(data: [10])
        }
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

/// What every entry of one run shares.
struct AuditRun: Sendable {
    var id = UUID().uuidString.lowercased()
    var profile: String?
    var api: String
    var action: String
    var kind: String?
    var batches: Int

    /// The API host a log line names: the URL without scheme and path.
    static func host(of url: String) -> String {
        guard let schemeEnd = url.firstRange(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        return String(rest.prefix { $0 != "/" })
    }

    /// The line written before a batch is sent: what its request carries.
    func intent<Change: BatchedChange>(_ batch: Batch<Change.Item>, of change: Change) -> AuditEntry {
        var entry = base(.intent, batch)
        change.describeIntent(batch, in: &entry)
        return entry
    }

    /// The line written after: what the service answered, or why there is no answer.
    func result<Change: BatchedChange>(_ result: BatchResult<Change.Item, Change.Response>, of change: Change) -> AuditEntry {
        var entry = base(.result, result.batch)
        if result.attempts > 1 { entry.attempts = result.attempts }
        switch result.outcome {
        case .accepted(let response):
            change.describeResponse(response, in: &entry)
        case .failed(let error):
            entry.error = ErrorMapping.hostError(error).message
            entry.outcomeUnknown = result.outcomeUnknown
        case .notSent(let reason):
            entry.error = reason
            entry.outcomeUnknown = false
        }
        return entry
    }

    private func base<Item>(_ event: AuditEntry.Event, _ batch: Batch<Item>) -> AuditEntry {
        AuditEntry(time: AuditEntry.timestamp(), event: event, run: id, kind: kind, profile: profile, api: api,
                    action: action, batch: batch.index, batches: batches, deviceRange: batch.range,
                    deviceCount: batch.items.count)
    }
}
