import Synchronization

/// One accepted execute call. Per-device state is never stored: it is derived from the
/// request's creation time and a per-device hash, so 10,000 devices cost one array of ids.
struct ExecutionRecord: Sendable {
    let requestID: String
    let actionID: String
    let createdAt: Double
    let expiresInMinutes: Int
    let devices: [String]
}

final class ExecutionStore: Sendable {
    private let records = Mutex<[String: ExecutionRecord]>([:])

    func add(_ record: ExecutionRecord) {
        records.withLock { $0[record.requestID] = record }
    }

    func record(_ requestID: String) -> ExecutionRecord? {
        records.withLock { $0[requestID.lowercased()] }
    }
}
