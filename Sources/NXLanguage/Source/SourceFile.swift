/// One piece of source text with a name for messages (`runbook.nxs`, `-e`, `<stdin>`, `<repl>`).
/// Spans are UTF-8 byte offsets; this type converts them to 1-based line/column on demand.
public struct SourceFile: Sendable {
    public let name: String
    public let text: String
    let bytes: [UInt8]
    /// Byte offset at which each line starts.
    private let lineStarts: [Int]

    public init(name: String, text: String) {
        self.name = name
        self.text = text
        self.bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    public struct Location: Sendable, Equatable {
        /// 1-based line number.
        public var line: Int
        /// 1-based column, counted in characters (not bytes) so carets line up in a terminal.
        public var column: Int
    }

    /// 0-based index of the line holding `offset` (offsets past the end map to the last line).
    func lineIndex(of offset: Int) -> Int {
        let offset = min(max(offset, 0), bytes.count)
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// 1-based line number of `offset` (cheaper than `location(of:)`: no column).
    public func lineNumber(of offset: Int) -> Int {
        lineIndex(of: offset) + 1
    }

    public func location(of offset: Int) -> Location {
        let index = lineIndex(of: offset)
        let clamped = min(max(offset, 0), bytes.count)
        let prefix = decode(lineStarts[index], clamped)
        return Location(line: index + 1, column: prefix.count + 1)
    }

    /// Text of the 1-based line `number`, without its newline (and without a trailing `\r`).
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return decode(start, end)
    }

    /// The source text covered by `span`.
    public func text(of span: SourceSpan) -> String {
        decode(min(span.start, bytes.count), min(span.end, bytes.count))
    }

    func decode(_ start: Int, _ end: Int) -> String {
        guard start < end else { return "" }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
