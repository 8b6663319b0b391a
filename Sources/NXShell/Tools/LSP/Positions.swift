import NexthinkClient
import NXLanguage

/// LSP positions are (line, UTF-16 code unit) pairs; spans are UTF-8 byte offsets.
struct Positions {
    let bytes: [UInt8]
    private let lineStarts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 10 { starts.append(offset + 1) }
        lineStarts = starts
    }

    func position(of offset: Int) -> JSONValue {
        let offset = min(max(offset, 0), bytes.count)
        let line = (lineStarts.lastIndex { $0 <= offset }) ?? 0
        let prefix = String(decoding: bytes[lineStarts[line]..<offset], as: UTF8.self)
        return ["line": .int(line), "character": .int(prefix.utf16.count)]
    }

    func range(of span: SourceSpan) -> JSONValue {
        ["start": position(of: span.start), "end": position(of: span.end)]
    }

    /// The byte offset of an LSP position (clamped to the line and the text).
    func offset(line: Int, character: Int) -> Int {
        guard line >= 0 else { return 0 }
        guard line < lineStarts.count else { return bytes.count }
        let start = lineStarts[line]
        let end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : bytes.count
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        var units = 0, offset = start
        for scalar in text.unicodeScalars {
            if units >= character { break }
            units += scalar.utf16.count
            offset += scalar.utf8.count
        }
        return offset
    }

    var end: JSONValue { position(of: bytes.count) }

    /// The word (letters, digits, `_`, a leading `#`) ending at `offset`, and where it starts.
    func word(endingAt offset: Int) -> (text: String, start: Int) {
        var start = offset
        while start > 0, isWordByte(bytes[start - 1]) { start -= 1 }
        if start > 0, bytes[start - 1] == UInt8(ascii: "#") { start -= 1 }
        return (String(decoding: bytes[start..<offset], as: UTF8.self), start)
    }

    /// The whole word around `offset`, and where it starts.
    func word(around offset: Int) -> (text: String, start: Int) {
        var end = min(offset, bytes.count)
        while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
        return word(endingAt: end)
    }

    /// Text of the line holding `offset`, up to `offset`.
    func linePrefix(_ offset: Int) -> String {
        let line = (lineStarts.lastIndex { $0 <= offset }) ?? 0
        return String(decoding: bytes[lineStarts[line]..<offset], as: UTF8.self)
    }

    private func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || ((byte | 0x20) >= 97 && (byte | 0x20) <= 122) || byte == 95
    }
}
