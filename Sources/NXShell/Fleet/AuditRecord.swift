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
struct AuditRecord: Codable, Sendable, Equatable {
    enum Event: String, Codable, Sendable { case intent, result }

    var time: String
    var event: Event
    /// Correlates the records of one `run` statement.
    var run: String
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

/// What every record of one run shares.
struct AuditRun: Sendable {
    var id = UUID().uuidString.lowercased()
    var profile: String?
    var api: String
    var action: String
    var batches: Int

    func intent(_ batch: DeviceBatch, _ request: ExecutionRequest) -> AuditRecord {
        var record = base(.intent, batch)
        record.devicesSha256 = AuditRecord.digest(batch.devices)
        record.params = request.params
        record.expiresInMinutes = request.expiresInMinutes
        record.triggerInfo = request.triggerInfo
        return record
    }

    func result(_ result: BatchResult) -> AuditRecord {
        var record = base(.result, result.batch)
        switch result.outcome {
        case .accepted(let response):
            record.requestId = response.requestId
            record.expiresInMinutes = response.expiresInMinutes
        case .failed(let error):
            record.error = ErrorMapping.hostError(error).message
            record.outcomeUnknown = result.outcomeUnknown
        case .notSent(let reason):
            record.error = reason
            record.outcomeUnknown = false
        }
        return record
    }

    private func base(_ event: AuditRecord.Event, _ batch: DeviceBatch) -> AuditRecord {
        AuditRecord(time: AuditRecord.timestamp(), event: event, run: id, profile: profile, api: api, action: action,
                    batch: batch.index, batches: batches, deviceRange: batch.deviceRange, deviceCount: batch.devices.count)
    }
}
