/// Commands are parsed from their `CommandSpec`; nothing here names a particular command.
extension Parser {
    /// Commands are expressions: `let r = run ...`, `(get #x).name`, `list | count`.
    /// Their operands are parsed without comparisons and pipelines, so `list | where ...` and
    /// `status r == x` group as a reader expects.
    ///
    ///     command ::= words [ operand ] clauses { postfix }
    ///     words   ::= command_word [ second_word ]
    mutating func parseCommand() throws -> NodeID {
        let token = peek()
        guard token.kind == .command, let spec = spec(startingWith: lexer.text(of: token)) else {
            throw failHere(Catalog.expectedExpression(found: describe(token)))
        }
        if spec.words.count == 1, spec.operand.isRequired, !Parser.canStartOperand(tokenAt(index + 1)), !Parser.isStatementEnd(tokenAt(index + 1)) {
            // `where status == "failure"`: a command word used as a plain (field) name.
            advance()
            return tree.variable(token.span)
        }
        for _ in spec.words { advance() }
        let operand = try parseOperand(of: spec)
        let clauses = try parseClauses(of: spec)
        let whole = span(from: token.span.start)
        var expr = tree.command(CommandCallOf(spec: spec, operand: operand, clauses: clauses), whole)
        return try parsePostfixOperators(on: &expr)
    }

    /// The longest command whose words are the next tokens (`run workflow` before `run`).
    private mutating func spec(startingWith first: String) -> CommandSpec? {
        let candidates = CommandTable.all.filter { $0.words[0] == first }.sorted { $0.words.count > $1.words.count }
        for spec in candidates where spec.words.dropFirst().enumerated().allSatisfy({ isWord($0.element, at: index + 1 + $0.offset) }) {
            return spec
        }
        return nil
    }

    private mutating func isWord(_ word: String, at position: Int) -> Bool {
        let token = tokenAt(position)
        return token.kind == .identifier && lexer.token(token, is: word)
    }

    private static func isStatementEnd(_ token: Token) -> Bool {
        switch token.kind {
        case .newline, .end, .symbol(.semicolon), .symbol(.rightBrace): true
        default: false
        }
    }

    static func canStartOperand(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .command, .int, .double, .string, .nqlID, .uuid, .duration, .invalid: true
        case .keyword(let keyword): [.true, .false, .null, .not].contains(keyword)
        case .symbol(let symbol): [.leftParen, .leftBracket, .less, .minus].contains(symbol)
        case .newline, .end: false
        }
    }

    ///     operand ::= operand_word | unary_expr
    private mutating func parseOperand(of spec: CommandSpec) throws -> NodeID? {
        switch spec.operand {
        case .none:
            return nil
        case .word(let choices):
            guard let word = peekIdentifier(), choices.contains(word) else { return nil }
            return tree.spelled(.word, advance().span)
        case .words(let choices):
            return parseWords(choices)
        case .count:
            return peekIsCount() ? try parseUnary() : nil
        case .actionID, .workflowID, .campaignID, .queryID, .value:
            guard Parser.canStartOperand(peek()) else {
                throw failHere(Catalog.commandNeedsOperand(spec.name, example: spec.example))
            }
            return try parseUnary()
        }
    }

    /// The words as one literal list; nil when none was written.
    private mutating func parseWords(_ choices: [String]) -> NodeID? {
        let start = peek().span.start
        var words: [Value] = []
        while let word = peekIdentifier(), choices.contains(word) {
            words.append(.string(word))
            advance()
        }
        let whole = span(from: start)
        return words.isEmpty ? nil : tree.value(.list(words), whole)
    }

    private mutating func peekIsCount() -> Bool {
        switch peek().kind {
        case .int, .identifier, .symbol(.leftParen), .symbol(.minus): true
        default: false
        }
    }

    ///     clauses ::= { clause_word clause_value }    (any order, each at most once; every
    ///                                                  required clause must be there)
    private mutating func parseClauses(of spec: CommandSpec) throws -> [ClauseCallOf<NodeID>] {
        var clauses: [ClauseCallOf<NodeID>] = []
        while let word = clauseWord(of: spec) {
            guard let clause = spec.clause(word) else {
                try rejectMisspelledClause(word, of: spec)
                break
            }
            let wordToken = advance()
            guard !clauses.contains(where: { $0.word == word }) else { throw fail(Catalog.duplicateClause(word), at: wordToken.span) }
            if clause.isRequired, !Parser.canStartOperand(peek()) { throw failHere(Self.missing(clause, of: spec)) }
            clauses.append(ClauseCallOf(word: word, wordSpan: wordToken.span, value: try parseClauseValue(clause)))
        }
        for clause in spec.clauses where clause.isRequired && !clauses.contains(where: { $0.word == clause.word }) {
            throw failHere(Self.missing(clause, of: spec))
        }
        return clauses
    }

    /// A name, or a keyword the command declares as a clause (`for` in `run campaign`): `for`
    /// cannot follow a command otherwise, so reading it as the clause takes nothing away.
    private mutating func clauseWord(of spec: CommandSpec) -> String? {
        let token = peek()
        return switch token.kind {
        case .identifier: lexer.text(of: token)
        case .keyword(let keyword) where spec.clause(keyword.rawValue) != nil: keyword.rawValue
        default: nil
        }
    }

    private static func missing(_ clause: ClauseSpec, of spec: CommandSpec) -> Message {
        Catalog.commandNeedsClause(spec.name, what: clause.missing ?? clause.word, example: spec.example)
    }

    ///     clause_value ::= clause_word_choice | additive_expr
    private mutating func parseClauseValue(_ clause: ClauseSpec) throws -> NodeID {
        guard case .word(let choices) = clause.type else { return try parseAdditive() }
        let token = peek()
        guard let word = peekIdentifier() else {
            throw failHere(Catalog.clauseNeedsWord(clause.word, found: describe(token), choices: choices))
        }
        guard choices.contains(word) else {
            throw failHere(Catalog.unknownClauseWord(word, clause: clause.word,
                                                     suggestion: Suggestions.closest(to: word, in: choices), choices: choices))
        }
        return tree.spelled(.word, advance().span)
    }

    /// `expire 2h` after a `run`: no expression may follow a command, so a word close to one of
    /// its clauses is a typo of that clause. Other words get the usual "expected end of statement".
    private mutating func rejectMisspelledClause(_ word: String, of spec: CommandSpec) throws {
        let words = spec.clauses.map(\.word)
        guard let suggestion = Suggestions.closest(to: word, in: words) else { return }
        throw fail(Catalog.unknownClause(word, command: spec.name, suggestion: suggestion, clauses: words), at: peek().span)
    }
}
