import NXLanguage
import Synchronization

/// Remembers which file (and which line of it) each element of a `read()` result came from,
/// so an invalid device id in `run #x on read("devices.txt")` is reported with its line.
/// Lists are recognised by content; Swift arrays share storage until modified, so a list
/// passed on unchanged compares by identity and costs no element-by-element check.
final class ListOrigins: Sendable {
    struct Origin: Sendable {
        var path: String
        /// 1-based file line of each element.
        var lines: [Int]
    }

    private struct Entry: Sendable {
        var items: [Value]
        var origin: Origin
    }

    /// A few recent reads are enough: a runbook reads its device list and runs on it.
    private static let capacity = 8
    private let entries = Mutex<[Entry]>([])

    func remember(_ items: [Value], path: String, lines: [Int]) {
        entries.withLock { entries in
            entries.append(Entry(items: items, origin: Origin(path: path, lines: lines)))
            if entries.count > Self.capacity { entries.removeFirst() }
        }
    }

    func origin(of items: [Value]) -> Origin? {
        let candidates = entries.withLock { $0 }
        return candidates.last { $0.items.count == items.count && $0.items == items }?.origin
    }

    /// Where each element came from (`teams.csv:14`), nil for an element of no file: a list
    /// read unchanged, or rows picked out of one (`where`, `first`), found by their content.
    func places(of items: [Value]) -> [String?] {
        if let origin = origin(of: items) {
            return items.indices.map { $0 < origin.lines.count ? "\(origin.path):\(origin.lines[$0])" : nil }
        }
        let candidates = entries.withLock { $0 }
        guard !candidates.isEmpty else { return items.map { _ in nil } }
        var index: [String: String] = [:]
        for entry in candidates {
            for (item, line) in zip(entry.items, entry.origin.lines) {
                if let key = Self.key(item) { index[key] = "\(entry.origin.path):\(line)" }
            }
        }
        return items.map { Self.key($0).flatMap { index[$0] } }
    }

    /// A record's content as text: rows of a file are records of strings, and two equal rows
    /// would be the same object twice anyway.
    private static func key(_ value: Value) -> String? {
        guard case .record(let record) = value else { return nil }
        return record.fields.map { $0.key + "\u{1F}" + ValueFormatter.text($0.value) }.joined(separator: "\u{1E}")
    }
}
