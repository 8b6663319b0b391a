#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// NQL exports: results are captured when the export starts and served as CSV once "done".
struct Export: Sendable {
    let id: String
    let createdAt: Double
    let csv: String
    /// Set when the export can only fail (a compression the emulator cannot produce).
    let error: String?

    enum Status: String { case submitted = "SUBMITTED", inProgress = "IN_PROGRESS", error = "ERROR", completed = "COMPLETED" }

    /// Emulated timings: SUBMITTED for 1 s, IN_PROGRESS until 3 s, then COMPLETED (or ERROR).
    func status(at now: Double) -> Status {
        let elapsed = now - createdAt
        if elapsed < 1 { return .submitted }
        if elapsed < 3 { return .inProgress }
        return error == nil ? .completed : .error
    }
}

final class ExportStore: Sendable {
    private let exports = Mutex<[String: Export]>([:])

    func add(createdAt: Double, csv: String, error: String?) -> Export {
        let export = Export(id: UUID().uuidString.lowercased(), createdAt: createdAt, csv: csv, error: error)
        exports.withLock { $0[export.id] = export }
        return export
    }

    func export(_ id: String) -> Export? {
        exports.withLock { $0[id] }
    }
}
