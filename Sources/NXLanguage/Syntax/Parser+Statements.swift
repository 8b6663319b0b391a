extension Parser {
    ///     statements ::= { statement ( newline | ';' ) }
    mutating func parseStatements(inBlock: Bool) -> Statements {
        let mark = tree.mark
        while true {
            // Between top-level statements nothing looks back, so passed tokens can go.
            if !inBlock { lexer.discard(before: index) }
            while tokenAt(index).kind == .newline || tokenAt(index).isSymbol(.semicolon) { index += 1 }
            let token = peek()
            if token.kind == .end || (inBlock && token.isSymbol(.rightBrace)) { break }
            let savedNewlines = newlinesMatter
            let savedDepth = depth
            operatorCount = 0
            var kept = tree.mark
            do {
                tree.pending.append(try parseStatement().index)
                kept = tree.mark
                try expectStatementEnd(inBlock: inBlock)
            } catch let error as ParseError {
                if let diagnostic = error.diagnostic { diagnostics.append(diagnostic) }
                tree.truncatePending(to: kept)
                newlinesMatter = savedNewlines
                depth = savedDepth
                synchronize(inBlock: inBlock)
            } catch {
                tree.truncatePending(to: kept)
                synchronize(inBlock: inBlock)
            }
        }
        return Statements(tree: handle, run: tree.run(from: mark))
    }

    /// Skips to the start of the next line (or `;`, or the `}` closing the current block).
    private mutating func synchronize(inBlock: Bool) {
        while true {
            let token = tokenAt(index)
            switch token.kind {
            case .end: return
            case .newline: index += 1; return
            case .symbol(.semicolon): index += 1; return
            case .symbol(.rightBrace) where inBlock: return
            default: index += 1
            }
        }
    }

    private mutating func expectStatementEnd(inBlock: Bool) throws {
        let token = peek()
        switch token.kind {
        case .newline, .symbol(.semicolon): advance()
        case .end: return
        case .symbol(.rightBrace) where inBlock: return
        default: throw failHere(Catalog.expectedEndOfStatement(found: describe(token)))
        }
    }

    ///     statement ::= let_stmt | if_stmt | for_stmt | print_stmt | assert_stmt | exit_stmt | name '=' expr | expr
    mutating func parseStatement() throws -> NodeID {
        let token = peek()
        switch token.kind {
        case .keyword(.let): return try parseLet()
        case .keyword(.if): return try parseIf()
        case .keyword(.for): return try parseFor()
        case .keyword(.print): return try parsePrint()
        case .keyword(.assert): return try parseAssert()
        case .keyword(.exit): return try parseExit()
        case .identifier where tokenAt(index + 1).isSymbol(.equal):
            try checkTopLevelOnly(token, how: "assigned inside a block")
            advance()
            advance()
            let value = try parseExpression()
            return tree.statement(.assign, a: value.index, b: tree.nextOrdinal(), span(from: token.span.start))
        default:
            let value = try parseExpression()
            if peek().isSymbol(.equal) { throw fail(Catalog.invalidAssignmentTarget(), at: peek().span) }
            return tree.statement(.expression, a: value.index, span(of: value))
        }
    }

    /// The name token after `let` or `for`.
    private mutating func parseName(after keyword: String) throws -> Token {
        let token = peek()
        switch token.kind {
        case .identifier:
            return advance()
        case .keyword(let keyword):
            throw fail(Catalog.keywordAsName(keyword.rawValue), at: token.span)
        case .command:
            throw fail(Catalog.keywordAsName(lexer.text(of: token)), at: token.span)
        default:
            throw failHere(Catalog.expected("a variable name after '\(keyword)'", found: describe(token)))
        }
    }

    ///     let_stmt ::= 'let' name '=' expr
    private mutating func parseLet() throws -> NodeID {
        let start = advance().span.start
        let nameToken = try parseName(after: "let")
        try checkTopLevelOnly(nameToken, how: "declared inside a block")
        let bytes = lexer.bytes
        _ = try expect(.equal, "'=' after 'let \(SourceFile.decode(bytes, nameToken.span.start, nameToken.span.end))'")
        let value = try parseExpression()
        return tree.statement(.declare, a: value.index, b: tree.nextOrdinal(), span(from: start))
    }

    ///     if_stmt ::= 'if' expr block [ 'else' ( if_stmt | block ) ]
    private mutating func parseIf() throws -> NodeID {
        let start = advance().span.start
        let condition = try parseExpression()
        let body = try parseBlock(of: "if")
        var otherwise = TreeStorage.noNode
        var lookahead = index
        while tokenAt(lookahead).kind == .newline { lookahead += 1 }
        if tokenAt(lookahead).isKeyword(.else) {
            index = lookahead
            advance()
            if peek().isKeyword(.if) {
                try enter(at: peek().span)
                defer { depth -= 1 }
                let mark = tree.mark
                tree.pending.append(try parseIf().index)
                otherwise = tree.run(from: mark)
            } else {
                otherwise = try parseBlock(of: "else")
            }
        }
        return tree.statement(.ifElse, a: condition.index, b: tree.pair(body, otherwise), span(from: start))
    }

    ///     for_stmt ::= 'for' name 'in' expr block
    private mutating func parseFor() throws -> NodeID {
        let start = advance().span.start
        let nameToken = try parseName(after: "for")
        guard peek().isKeyword(.in) else {
            throw failHere(Catalog.expected("'in' after 'for \(lexer.text(of: nameToken))'", found: describe(peek())))
        }
        advance()
        let sequence = try parseExpression()
        let body = try parseBlock(of: "for")
        // Checked after the body so the error does not cascade into its lines.
        try checkTopLevelOnly(nameToken, how: "a loop variable", always: true)
        return tree.statement(.forIn, a: tree.nextOrdinal(), b: tree.pair(sequence.index, body), span(from: start))
    }

    ///     block ::= '{' statements '}'
    /// Returns the run of the block's statements.
    private mutating func parseBlock(of construct: String) throws -> UInt32 {
        guard peek().isSymbol(.leftBrace) else {
            throw failHere(Catalog.expected("'{' to start the body of '\(construct)'", found: describe(peek())))
        }
        let open = advance()
        try enter(at: open.span)
        blockDepth += 1
        defer { depth -= 1; blockDepth -= 1 }
        return try withNewlines(true) { parser in
            let body = parser.parseStatements(inBlock: true)
            try parser.close(.rightBrace, opener: open)
            return body.run
        }
    }

    /// `dryrun` must be a property of the whole session that no scope can hide: a block-local
    /// `let dryrun = true` or a loop variable would be invisible to the host and send for real.
    /// Inlined (see `span(of:)`): it runs for every `let`.
    @inline(__always)
    private func checkTopLevelOnly(_ name: Token, how: String, always: Bool = false) throws {
        guard always || blockDepth > 0, Parser.topLevelOnlyNames.contains(where: { lexer.token(name, is: $0) }) else { return }
        throw fail(Catalog.dryRunScoped(how), at: name.span)
    }

    ///     print_stmt ::= 'print' [ expr { ',' expr } ]
    private mutating func parsePrint() throws -> NodeID {
        let start = advance().span.start
        let mark = tree.mark
        if !atStatementEnd() {
            repeat {
                skipNewlines()
                tree.pending.append(try parseExpression().index)
            } while accept(.comma)
        }
        return tree.statement(.print, a: tree.run(from: mark), span(from: start))
    }

    ///     assert_stmt ::= 'assert' expr [ ',' expr ]
    private mutating func parseAssert() throws -> NodeID {
        let start = advance().span.start
        let condition = try parseExpression()
        var message = TreeStorage.noNode
        if accept(.comma) {
            skipNewlines()
            message = try parseExpression().index
        }
        return tree.statement(.assert, a: condition.index, b: message, span(from: start))
    }

    ///     exit_stmt ::= 'exit' [ expr ]
    private mutating func parseExit() throws -> NodeID {
        let start = advance().span.start
        let status = atStatementEnd() ? TreeStorage.noNode : try parseExpression().index
        return tree.statement(.exit, a: status, span(from: start))
    }

    mutating func atStatementEnd() -> Bool {
        switch peek().kind {
        case .newline, .end, .symbol(.semicolon), .symbol(.rightBrace): true
        default: false
        }
    }
}
