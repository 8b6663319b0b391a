/// Thrown to abandon the current statement; `nil` when the lexer already reported the problem.
struct ParseError: Error {
    var diagnostic: Diagnostic?
}

/// Recursive-descent parser. Collects every error (at most one per line, recovering at the next
/// line) and never traps: nesting is capped at `Catalog.maxDepth`.
struct Parser {
    let file: SourceFile
    var tokens: [Token]
    var index = 0
    var diagnostics: [Diagnostic] = []
    /// Whether newlines end statements at the current nesting: false inside ( [ and maps.
    var newlinesMatter: [Bool] = [true]
    var depth = 0
    /// Binary operators in the current statement (see `parseBinary`).
    var operatorCount = 0
    /// How many `{ }` bodies enclose the current statement.
    var blockDepth = 0
    var lastEnd = 0

    /// Names only a top-level statement may bind (see `checkTopLevelOnly`).
    static let topLevelOnlyNames: Set<String> = [Vocabulary.dryRunVariable]

    init(file: SourceFile, tokens: [Token], depth: Int = 0) {
        self.file = file
        self.tokens = tokens
        self.depth = depth
    }

    /// Parses a whole program; the statements are only meaningful when there are no errors.
    static func parse(_ file: SourceFile) -> (statements: [Stmt], diagnostics: [Diagnostic]) {
        let (tokens, lexErrors) = Lexer.tokenize(file)
        var parser = Parser(file: file, tokens: tokens)
        let statements = parser.parseStatements(inBlock: false)
        return (statements, onePerLine(lexErrors + parser.diagnostics, in: file))
    }

    static func onePerLine(_ diagnostics: [Diagnostic], in file: SourceFile) -> [Diagnostic] {
        var seenLines = Set<Int>()
        return diagnostics.sorted { ($0.span?.start ?? 0) < ($1.span?.start ?? 0) }.filter {
            seenLines.insert(file.lineIndex(of: $0.span?.start ?? 0)).inserted
        }
    }

    // MARK: Token access

    mutating func peek() -> Token {
        if newlinesMatter.last == false {
            while tokens[index].kind == .newline { index += 1 }
        }
        return tokens[index]
    }

    @discardableResult
    mutating func advance() -> Token {
        let token = peek()
        if token.kind != .end { index += 1 }
        lastEnd = token.span.end
        return token
    }

    mutating func skipNewlines() {
        while tokens[index].kind == .newline { index += 1 }
    }

    mutating func accept(_ symbol: Symbol) -> Bool {
        guard peek().isSymbol(symbol) else { return false }
        advance()
        return true
    }

    func fail(_ message: Message, at span: SourceSpan) -> ParseError {
        ParseError(diagnostic: Diagnostic(message, at: span))
    }

    /// An error at the current token (silent when the lexer already reported it).
    mutating func failHere(_ message: Message) -> ParseError {
        let token = peek()
        return token.kind == .invalid ? ParseError(diagnostic: nil) : fail(message, at: token.span)
    }

    mutating func expect(_ symbol: Symbol, _ what: String) throws -> Token {
        guard peek().isSymbol(symbol) else { throw failHere(Catalog.expected(what, found: peek().description)) }
        return advance()
    }

    /// Closes a bracket opened by `opener`, naming the opener's line when it is missing.
    mutating func close(_ closer: Symbol, opener: Token) throws {
        guard !accept(closer) else { return }
        let line = file.lineNumber(of: opener.span.start)
        guard case .symbol(let opening) = opener.kind else { return }
        throw failHere(Catalog.unclosed(closer.rawValue, opener: opening.rawValue, line: line, found: peek().description))
    }

    mutating func withNewlines<T>(_ matter: Bool, _ body: (inout Parser) throws -> T) rethrows -> T {
        newlinesMatter.append(matter)
        defer { newlinesMatter.removeLast() }
        return try body(&self)
    }

    mutating func enter(at span: SourceSpan) throws {
        depth += 1
        if depth > Catalog.maxDepth { throw fail(Catalog.tooDeep(), at: span) }
    }

    func span(from start: Int) -> SourceSpan { SourceSpan(start: start, end: lastEnd) }
}
