/// `nxsh fmt`: one canonical layout for a script. Statements and expressions are printed by
/// `Printer` (4-space blocks, single spaces, one statement per line); every comment is kept
/// where it was (before a statement, after it on its line, or at the end of a block), and at
/// most one blank line is kept between statements. A statement with a comment inside an
/// expression is kept as written, so no comment is ever lost. Formatting twice gives the same
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
    mutating func block(_ body: [Stmt], indent: String, until limit: Int) {
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
        case .ifElse(let condition, let then, let otherwise) where !hasComment(in: statement.span.start..<condition.span.end):
            writeIf(condition, then, otherwise, end: statement.span.end, indent: indent, prefix: indent)
        case .forIn(let name, _, let sequence, let body) where !hasComment(in: statement.span.start..<sequence.span.end):
            lines += Wrapping.lines(lead: "for \(name) in ", Printer.print(sequence), trail: " {", indent: indent)
            block(body, indent: indent + "    ", until: statement.span.end)
            lines.append(indent + "}")
        default:
            let range = statement.span.start..<statement.span.end
            if hasComment(in: range) {
                // Kept as written: re-printing would drop the comment inside the expression.
                lines.append(indent + file.text(of: statement.span))
                while next < comments.count, range.contains(comments[next].span.start) { next += 1 }
            } else {
                lines += Wrapping.lines(Printer.print(statement, indent: indent), indent: indent)
            }
        }
    }

    private mutating func writeIf(_ condition: Expr, _ then: [Stmt], _ otherwise: [Stmt]?, end: Int,
                                  indent: String, prefix: String) {
        lines += Wrapping.lines(lead: String(prefix.dropFirst(indent.count)) + "if ", Printer.print(condition), trail: " {", indent: indent)
        let thenLimit = otherwise?.first?.span.start ?? end
        block(then, indent: indent + "    ", until: otherwise == nil ? end : thenLimit)
        guard let otherwise else {
            lines.append(indent + "}")
            return
        }
        if otherwise.count == 1, case .ifElse(let nested, let nestedThen, let nestedElse) = otherwise[0].kind,
           !hasComment(in: otherwise[0].span.start..<nested.span.end) {
            writeIf(nested, nestedThen, nestedElse, end: otherwise[0].span.end, indent: indent, prefix: indent + "} else ")
            return
        }
        lines.append(indent + "} else {")
        block(otherwise, indent: indent + "    ", until: end)
        lines.append(indent + "}")
    }
}
