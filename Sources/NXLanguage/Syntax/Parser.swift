/// Thrown to abandon the current statement; `nil` when the lexer already reported the problem.
struct ParseError: Error {
    var diagnostic: Diagnostic?
}

/// Recursive-descent parser. Collects every error (at most one per line, recovering at the next
/// line) and never traps: nesting is capped at `Catalog.maxDepth`.
struct Parser {
    let file: SourceFile
    /// The token source; `index` counts tokens from the start of the source.
    var lexer: Lexer
    /// Moving it loads `current`.
    var index = 0 {
        didSet { current = lexer.token(at: index) }
    }
    /// The token at `index`, read from the lexer once per move: the parser looks at the
    /// current token many times per token (every precedence level, every optional clause).
    private(set) var current: Token
    var diagnostics: [Diagnostic] = []
    /// Whether newlines end statements at the current nesting: false inside ( [ and maps.
    var newlinesMatter = true
    var depth = 0
    /// Binary operators in the current statement (see `parseBinary`).
    var operatorCount = 0
    /// How many `{ }` bodies enclose the current statement.
    var blockDepth = 0
    var lastEnd = 0
    /// The nodes built so far, and the tree the statements' handles point at (which receives
    /// them when the parse ends).
    var tree = TreeStorage()
    let handle: SyntaxTree

    /// Names only a top-level statement may bind (see `checkTopLevelOnly`).
    static let topLevelOnlyNames: Set<String> = [Vocabulary.dryRunVariable]

    init(file: SourceFile, lexer: Lexer, handle: SyntaxTree, depth: Int = 0) {
        var lexer = lexer
        self.current = lexer.token(at: 0)
        self.file = file
        self.lexer = lexer
        self.handle = handle
        self.depth = depth
    }

    /// Parses a whole program; the statements are only meaningful when there are no errors.
    static func parse(_ file: SourceFile) -> (statements: Statements, diagnostics: [Diagnostic]) {
        file.withBytes { bytes in
            let handle = SyntaxTree(file: file)
            var parser = Parser(file: file, lexer: Lexer(bytes: bytes), handle: handle)
            parser.tree.reserve(forSourceBytes: bytes.count)
            let statements = parser.parseStatements(inBlock: false)
            handle.install(parser.tree)
            return (statements, onePerLine(parser.lexer.diagnostics + parser.diagnostics, in: file))
        }
    }

    // Inlined, like `span(from:)`: a non-mutating method that is not inlined is handed a copy
    // of the whole parser (280 bytes) by the mutating parse functions that call it.
    @inline(__always)
    func span(of id: NodeID) -> SourceSpan { tree.span(of: id) }

    static func onePerLine(_ diagnostics: [Diagnostic], in file: SourceFile) -> [Diagnostic] {
        var seenLines = Set<Int>()
        return diagnostics.sorted { ($0.span?.start ?? 0) < ($1.span?.start ?? 0) }.filter {
            seenLines.insert(file.lineIndex(of: $0.span?.start ?? 0)).inserted
        }
    }

    // MARK: Token access

    /// Token number `position` (lexed on demand).
    @inline(__always)
    mutating func tokenAt(_ position: Int) -> Token {
        lexer.token(at: position)
    }

    /// The current token, past newlines where they do not matter.
    @inline(__always)
    mutating func peek() -> Token {
        if current.kind == .newline, !newlinesMatter { skipNewlines() }
        return current
    }

    @discardableResult @inline(__always)
    mutating func advance() -> Token {
        let token = peek()
        if token.kind != .end { index += 1 }
        lastEnd = token.span.end
        return token
    }

    /// The name the next token spells, if it is an identifier.
    mutating func peekIdentifier() -> String? {
        let token = peek()
        return token.kind == .identifier ? lexer.text(of: token) : nil
    }

    mutating func skipNewlines() {
        while current.kind == .newline { index += 1 }
    }

    @inline(__always)
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

    /// `what` is built only on failure: it often interpolates a name, once per map entry or `let`.
    mutating func expect(_ symbol: Symbol, _ what: @autoclosure () -> String) throws -> Token {
        guard peek().isSymbol(symbol) else { throw failHere(Catalog.expected(what(), found: describe(peek()))) }
        return advance()
    }

    /// Closes a bracket opened by `opener`, naming the opener's line when it is missing.
    @inline(__always)
    mutating func close(_ closer: Symbol, opener: Token) throws {
        guard !accept(closer) else { return }
        try unclosed(closer, opener: opener)
    }

    /// Apart from `close`, which runs for every bracket: set up inline, this error path cost
    /// the common case a copy of the parser.
    @inline(never)
    private mutating func unclosed(_ closer: Symbol, opener: Token) throws {
        let line = file.lineNumber(of: opener.span.start)
        guard case .symbol(let opening) = opener.kind else { return }
        throw failHere(Catalog.unclosed(closer.rawValue, opener: opening.rawValue, line: line, found: describe(peek())))
    }

    mutating func withNewlines<T>(_ matter: Bool, _ body: (inout Parser) throws -> T) rethrows -> T {
        let outer = newlinesMatter
        newlinesMatter = matter
        defer { newlinesMatter = outer }
        return try body(&self)
    }

    mutating func enter(at span: SourceSpan) throws {
        depth += 1
        if depth > Catalog.maxDepth { throw fail(Catalog.tooDeep(), at: span) }
    }

    @inline(__always)
    func span(from start: Int) -> SourceSpan { SourceSpan(start: start, end: lastEnd) }

    /// How a token is named in "expected ..., found X" messages.
    func describe(_ token: Token) -> String {
        switch token.kind {
        case .identifier, .command, .nqlID: "'\(lexer.text(of: token))'"
        case .keyword(let keyword): "'\(keyword.rawValue)'"
        case .int, .double: "a number"
        case .string: "a string"
        case .uuid: "a UUID"
        case .duration: "a duration"
        case .symbol(let symbol): "'\(symbol.rawValue)'"
        case .newline: "end of line"
        case .invalid: "an invalid token"
        case .end: "end of input"
        }
    }
}
