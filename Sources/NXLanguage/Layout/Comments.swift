/// A `//` or `# ` comment, or the `#!` line. The lexer skips comments, so they are found in the
/// gaps between tokens, where nothing but blanks and comments can be.
struct Comment: Sendable {
    var span: SourceSpan
    var text: String

    static func all(in file: SourceFile, tokens: [Token]) -> [Comment] {
        file.withBytes { bytes in
            var comments: [Comment] = []
            var gapStart = 0
            for token in tokens {
                comments += scan(bytes, from: gapStart, to: token.span.start)
                gapStart = max(gapStart, token.span.end)
            }
            comments += scan(bytes, from: gapStart, to: bytes.count)
            return comments
        }
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> [Comment] {
        var found: [Comment] = []
        var index = start
        while index < end {
            let byte = bytes[index]
            let next: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
            let isComment = (byte == UInt8(ascii: "/") && next == UInt8(ascii: "/"))
                || (byte == UInt8(ascii: "#") && (next.map(Lexer.isSpace) ?? true || (index == 0 && next == UInt8(ascii: "!"))))
            guard isComment else {
                index += 1
                continue
            }
            var stop = index
            while stop < bytes.count, bytes[stop] != UInt8(ascii: "\n") { stop += 1 }
            let text = String(SourceFile.decode(bytes, index, stop).trimmingWhitespace)
            found.append(Comment(span: SourceSpan(start: index, end: stop), text: text))
            index = stop
        }
        return found
    }
}
