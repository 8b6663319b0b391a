#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// NQL exports: results are captured when the export starts and served as a file once "done".
struct Export: Sendable {
    let id: String
    let createdAt: Double
    /// The results file as served: CSV, compressed as requested.
    let file: ExportFile
    /// The rows were cut at the licensed maximum: the status answers 206.
    let truncated: Bool
    /// Started past the daily limit: the status answers 429 until the next UTC day.
    let overDailyLimit: Bool

    enum Status: String { case submitted = "SUBMITTED", inProgress = "IN_PROGRESS", error = "ERROR", completed = "COMPLETED" }

    /// Emulated timings: SUBMITTED for 1 s, IN_PROGRESS until 3 s, then COMPLETED.
    func status(at now: Double) -> Status {
        let elapsed = now - createdAt
        if elapsed < 1 { return .submitted }
        if elapsed < 3 { return .inProgress }
        return .completed
    }

    /// `<id>.csv`, `<id>.csv.gz` or `<id>.csv.zst`.
    var fileName: String {
        id + ".csv" + (file.compression == "GZIP" ? ".gz" : file.compression == "ZSTD" ? ".zst" : "")
    }
}

final class ExportStore: Sendable {
    private struct Contents {
        var exports: [String: Export] = [:]
        /// Exports started per UTC day number.
        var perDay: [Int: Int] = [:]
    }

    private let contents = Mutex(Contents())

    func add(createdAt: Double, file: ExportFile, truncated: Bool, dailyLimit: Int) -> Export {
        contents.withLock { c in
            let day = Int((createdAt / 86_400).rounded(.down))
            c.perDay[day, default: 0] += 1
            let export = Export(id: UUID().uuidString.lowercased(), createdAt: createdAt, file: file,
                                truncated: truncated, overDailyLimit: c.perDay[day, default: 0] > dailyLimit)
            c.exports[export.id] = export
            return export
        }
    }

    func export(_ id: String) -> Export? {
        contents.withLock { $0.exports[id] }
    }

    /// By file name (`<id>.csv.gz`), as the results URL names it.
    func export(fileName: String) -> Export? {
        guard let dot = fileName.firstIndex(of: ".") else { return nil }
        return export(String(fileName[..<dot])).flatMap { $0.fileName == fileName ? $0 : nil }
    }
}
