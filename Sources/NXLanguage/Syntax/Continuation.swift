/// REPL support: whether an entered chunk needs more lines before it can run.
public enum Continuation {
    /// True when the text ends inside an open `(`, `[`, `{` or map, after a binary operator,
    /// `|` or `,`, or in an `if`/`else` waiting for its body: the parser's first error is at the end of input.
    /// An unterminated string is not incomplete: strings cannot span lines, so it is an error.
    public static func isIncomplete(_ text: String) -> Bool {
        let file = SourceFile(name: "<repl>", text: text)
        let (_, diagnostics) = Parser.parse(file)
        guard let first = diagnostics.first, let span = first.span else { return false }
        return span.start >= file.withBytes { Lexer.contentEnd($0, start: 0, end: $0.count) }
    }

    /// An entry starting with `|` or `else` cannot join the entry before it, which already ran
    /// (running it again could send an action twice). Returns the error that explains what to
    /// type instead; nil for any other entry.
    public static func strayContinuation(_ text: String) -> Diagnostic? {
        let (tokens, _) = Lexer.tokenize(SourceFile(name: "<repl>", text: text))
        guard let first = tokens.first(where: { $0.kind != .newline }) else { return nil }
        if first.isSymbol(.pipe) { return Diagnostic(Catalog.replLeadingPipe(), at: first.span) }
        if first.isKeyword(.else) { return Diagnostic(Catalog.replLeadingElse(), at: first.span) }
        return nil
    }
}
