/// `nxsh fmt`: one canonical layout for a script. Statements and expressions are printed by
/// `Printer` (4-space blocks, single spaces, one statement per line); every comment is kept
/// where it was (before a statement, after it on its line, or at the end of a block), and at
/// most one blank line is kept between statements. A statement with a comment inside an
/// expression (or only the header of an `if`/`for`) is kept as written, moved as a whole to its
/// indentation, so no comment is ever lost or moved. Formatting twice gives the same
/// text as formatting once, and the result parses to the same tree (the tests check both).
public enum Layout {
    /// The formatted text, or the syntax errors that prevent formatting.
    public static func format(_ file: SourceFile) -> Result<String, LayoutFailure> {
        let (statements, diagnostics) = Parser.parse(file)
        guard diagnostics.isEmpty else { return .failure(LayoutFailure(diagnostics: diagnostics)) }
        let (tokens, _) = Lexer.tokenize(file)
        var writer = LayoutWriter(file: file, comments: Comment.all(in: file, tokens: tokens))
        writer.block(statements, indent: "", until: file.byteCount)
        let text = writer.lines.joined(separator: "\n")
        return .success(text.isEmpty ? "" : text + "\n")
    }
}

public struct LayoutFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]
}

/// Writes statements line by line, placing the comments that fall between them.
struct LayoutWriter {
    let file: SourceFile
    let comments: [Comment]
    private var next = 0
    private var lastEnd = 0
    private(set) var lines: [String] = []

    init(file: SourceFile, comments: [Comment]) {
        self.file = file
        self.comments = comments
    }

    /// The statements of a block (or the program), then the comments left before `limit`.
    mutating func block(_ body: Statements, indent: String, until limit: Int) {
        var first = true
        for (position, statement) in body.enumerated() {
            leadingComments(before: statement.span.start, indent: indent, first: &first)
            separate(at: statement.span.start, first: first)
            first = false
            let boundary = position + 1 < body.count ? body[position + 1].span.start : limit
            write(statement, indent: indent)
            lastEnd = statement.span.end
            trailingComment(before: boundary)
        }
        leadingComments(before: limit, indent: indent, first: &first)
    }

    private mutating func leadingComments(before offset: Int, indent: String, first: inout Bool) {
        while next < comments.count, comments[next].span.start < offset {
            separate(at: comments[next].span.start, first: first)
            lines.append(indent + comments[next].text)
            lastEnd = comments[next].span.end
            next += 1
            first = false
        }
    }

    /// A comment that starts on the line where the last statement ended.
    private mutating func trailingComment(before boundary: Int) {
        guard next < comments.count, comments[next].span.start < boundary,
              file.lineIndex(of: comments[next].span.start) == file.lineIndex(of: lastEnd), !lines.isEmpty else { return }
        lines[lines.count - 1] += "  " + comments[next].text
        lastEnd = comments[next].span.end
        next += 1
    }

    /// One blank line where the source had at least one.
    private mutating func separate(at offset: Int, first: Bool) {
        guard !first, file.lineIndex(of: offset) - file.lineIndex(of: lastEnd) > 1 else { return }
        lines.append("")
    }

    private func hasComment(in range: Range<Int>) -> Bool {
        comments[next...].contains { range.contains($0.span.start) }
    }

    private mutating func write(_ statement: Stmt, indent: String) {
        switch statement.kind {
        case .ifElse(let condition, let then, let otherwise):
            writeIf(statement.span.start, condition, then, otherwise, end: statement.span.end, indent: indent, prefix: "")
        case .forIn(let name, let sequence, let body):
            header(statement.span.start, "for \(name.text) in ", sequence, indent: indent, prefix: "")
            block(body, indent: indent + "    ", until: statement.span.end)
            lines.append(indent + "}")
        default:
            let range = statement.span.start..<statement.span.end
            if hasComment(in: range) {
                // Kept as written: re-printing would drop the comment inside the expression.
                lines += asWritten(range, indent: indent, prefix: "")
            } else {
                lines += Wrapping.lines(Printer.print(statement, indent: indent), indent: indent)
            }
        }
    }

    /// `if CONDITION {` or `for x in SEQUENCE {`, printed; with a comment anywhere in it, as
    /// written from the keyword to the `{` (the body is still laid out). Returns the `{`.
    @discardableResult
    private mutating func header(_ start: Int, _ lead: String, _ expr: Expr, indent: String, prefix: String) -> Int {
        let brace = symbol(UInt8(ascii: "{"), after: expr.span.end)
        if hasComment(in: start..<brace) {
            lines += asWritten(start..<brace + 1, indent: indent, prefix: prefix)
        } else {
            lines += Wrapping.lines(lead: prefix + lead, Printer.print(expr), trail: " {", indent: indent)
        }
        return brace
    }

    /// The source of `range`, its comments with it, at `indent + prefix`. Its other lines move
    /// by as many columns as its first, so it keeps the shape it was written in; strings never
    /// span lines, so only blanks move.
    private mutating func asWritten(_ range: Range<Int>, indent: String, prefix: String) -> [String] {
        while next < comments.count, range.contains(comments[next].span.start) { next += 1 }
        let shift = indent.count + prefix.count - (file.location(of: range.lowerBound).column - 1)
        let written = file.decode(range.lowerBound, range.upperBound).split(separator: "\n", omittingEmptySubsequences: false)
        return [indent + prefix + written[0]] + written.dropFirst().map { line in
            if line.isEmpty || shift == 0 { return String(line) }
            if shift > 0 { return String(repeating: " ", count: shift) + line }
            return String(line.dropFirst(min(-shift, line.prefix { $0 == " " || $0 == "\t" }.count)))
        }
    }

    /// The offset of `byte` after `offset`, where only blanks, `)`, `;` and comments can come
    /// before it (the `{` of a block after its header, the `}` after a block's last statement).
    private func symbol(_ byte: UInt8, after offset: Int) -> Int {
        file.withBytes { bytes in
            var index = offset
            while index < bytes.count, bytes[index] != byte {
                index = comments.first { $0.span.start == index }?.span.end ?? index + 1
            }
            return index
        }
    }

    private mutating func writeIf(_ start: Int, _ condition: Expr, _ then: Statements, _ otherwise: Statements?, end: Int,
                                  indent: String, prefix: String) {
        let brace = header(start, "if ", condition, indent: indent, prefix: prefix)
        guard let otherwise else {
            block(then, indent: indent + "    ", until: end)
            lines.append(indent + "}")
            return
        }
        // The then block ends at its `}`: comments after `else {` belong to the else block.
        let close = symbol(UInt8(ascii: "}"), after: then.last?.span.end ?? brace + 1)
        block(then, indent: indent + "    ", until: close)
        if otherwise.count == 1, case .ifElse(let nested, let nestedThen, let nestedElse) = otherwise[0].kind,
           !hasComment(in: close..<otherwise[0].span.start) {
            writeIf(otherwise[0].span.start, nested, nestedThen, nestedElse, end: otherwise[0].span.end, indent: indent, prefix: "} else ")
            return
        }
        lines.append(indent + "} else {")
        block(otherwise, indent: indent + "    ", until: end)
        lines.append(indent + "}")
    }
}
