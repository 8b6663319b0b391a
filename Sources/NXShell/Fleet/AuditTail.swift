#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What `audit [N]` needs from the log, gathered while streaming it chunk by chunk: the last
/// `limit` records and a count of the lines that are not records.
struct AuditTail {
    private(set) var records: [AuditRecord] = []
    private(set) var corruptLines = 0
    private var limit = 0
    private var partial: [UInt8] = []
    private let decoder = JSONDecoder()

    init(limit: Int = 0) { self.limit = limit }

    mutating func feed(_ chunk: ArraySlice<UInt8>) {
        var start = chunk.startIndex
        while let newline = chunk[start...].firstIndex(of: 10) {
            if partial.isEmpty {
                add(chunk[start..<newline])
            } else {
                partial += chunk[start..<newline]
                add(partial[...])
                partial.removeAll(keepingCapacity: true)
            }
            start = newline + 1
        }
        partial += chunk[start...]
    }

    /// The last line has no newline (a torn write): it still counts.
    mutating func finish() {
        if !partial.isEmpty { add(partial[...]) }
        partial = []
    }

    private mutating func add(_ line: ArraySlice<UInt8>) {
        guard line.contains(where: { $0 != 32 && $0 != 9 && $0 != 13 }) else { return }
        guard let record = try? decoder.decode(AuditRecord.self, from: Data(line)) else {
            corruptLines += 1
            return
        }
        guard limit > 0 else { return }
        records.append(record)
        // Trim in bulk so a long log costs amortised O(1) per record.
        if records.count >= 2 * limit { records.removeFirst(records.count - limit) }
    }

    var last: [AuditRecord] { Array(records.suffix(limit)) }
}
