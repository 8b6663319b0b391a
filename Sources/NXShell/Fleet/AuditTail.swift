import Foundation

/// What `audit [N]` needs from the log, gathered while streaming it chunk by chunk: the last
/// `limit` entries and a count of the lines that are not entries.
struct AuditTail {
    private(set) var entries: [AuditEntry] = []
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
        guard let entry = try? decoder.decode(AuditEntry.self, from: Data(line)) else {
            corruptLines += 1
            return
        }
        guard limit > 0 else { return }
        entries.append(entry)
        // Trim in bulk so a long log costs amortised O(1) per entry.
        if entries.count >= 2 * limit { entries.removeFirst(entries.count - limit) }
    }

    var last: [AuditEntry] { Array(entries.suffix(limit)) }
}
