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

/// Splits a text file into trimmed lines, skipping blank and `#` comment lines, keeping each
/// kept line's 1-based number. Byte-level, so a 100,000-line device file splits in
/// milliseconds (grapheme-aware `String.split` is far slower on large files).
enum LineSplitter {
    static func lines(_ bytes: [UInt8]) -> (lines: [String], numbers: [Int]) {
        var lines: [String] = [], numbers: [Int] = []
        var lineNumber = 0
        var start = 0
        bytes.withUnsafeBufferPointer { buffer in
            while start <= buffer.count {
                var end = start
                while end < buffer.count, buffer[end] != 10 { end += 1 }
                lineNumber += 1
                var a = start, b = end
                while a < b, isSpace(buffer[a]) { a += 1 }
                while b > a, isSpace(buffer[b - 1]) { b -= 1 }
                if a < b, buffer[a] != UInt8(ascii: "#") {
                    lines.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[a..<b]), as: UTF8.self))
                    numbers.append(lineNumber)
                }
                start = end + 1
            }
        }
        return (lines, numbers)
    }

    private static func isSpace(_ b: UInt8) -> Bool {
        b == 32 || b == 9 || b == 13 || b == 11 || b == 12
    }
}
