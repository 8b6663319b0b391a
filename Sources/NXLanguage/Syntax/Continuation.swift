/// REPL support: whether an entered chunk needs more lines before it can run.
public enum Continuation {
    /// True when the text ends inside an open `(`, `[`, `{` or map, after a binary operator,
    /// `|` or `,`, or in an `if`/`else` waiting for its body: the parser's first error is at the end of input.
    /// An unterminated string is not incomplete: strings cannot span lines, so it is an error.
    public static func isIncomplete(_ text: String) -> Bool {
        let file = SourceFile(name: "<repl>", text: text)
        let (_, diagnostics) = Parser.parse(file)
        guard let first = diagnostics.first, let span = first.span else { return false }
        return span.start >= Lexer.contentEnd(file.bytes, start: 0, end: file.bytes.count)
    }
}
