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
}
