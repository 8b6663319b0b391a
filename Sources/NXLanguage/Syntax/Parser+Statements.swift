extension Parser {
    ///     statements ::= { statement ( newline | ';' ) }
    mutating func parseStatements(inBlock: Bool) -> [Stmt] {
        var statements: [Stmt] = []
        // Most lines of a script hold at most one statement; reserving saves the copies (and
        // the moment both copies are held) of growing the program's array.
        if !inBlock { statements.reserveCapacity(file.lineCount) }
        while true {
            // Between top-level statements nothing looks back, so passed tokens can go.
            if !inBlock { lexer.discard(before: index) }
            while tokenAt(index).kind == .newline || tokenAt(index).isSymbol(.semicolon) { index += 1 }
            let token = peek()
            if token.kind == .end || (inBlock && token.isSymbol(.rightBrace)) { return statements }
            let savedNewlines = newlinesMatter
            let savedDepth = depth
            operatorCount = 0
            do {
                statements.append(try parseStatement())
                try expectStatementEnd(inBlock: inBlock)
            } catch let error as ParseError {
                if let diagnostic = error.diagnostic { diagnostics.append(diagnostic) }
                tree.pending.removeAll(keepingCapacity: true)
                newlinesMatter = savedNewlines
                depth = savedDepth
                synchronize(inBlock: inBlock)
            } catch {
                synchronize(inBlock: inBlock)
            }
        }
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
    mutating func parseStatement() throws -> Stmt {
        let token = peek()
        switch token.kind {
        case .keyword(.let): return try parseLet()
        case .keyword(.if): return try parseIf()
        case .keyword(.for): return try parseFor()
        case .keyword(.print): return try parsePrint()
        case .keyword(.assert): return try parseAssert()
        case .keyword(.exit): return try parseExit()
        case .identifier where tokenAt(index + 1).isSymbol(.equal):
            let name = lexer.text(of: token)
            try checkTopLevelOnly(name, at: token.span, how: "assigned inside a block")
            advance()
            advance()
            let value = try parseExpressionHandle()
            return Stmt(kind: .assign(name: name, nameSpan: token.span, value: value), span: span(from: token.span.start))
        default:
            let value = try parseExpression()
            if peek().isSymbol(.equal) { throw fail(Catalog.invalidAssignmentTarget(), at: peek().span) }
            return Stmt(kind: .expression(expr(value)), span: span(of: value))
        }
    }

    private mutating func parseName(after keyword: String) throws -> (String, SourceSpan) {
        let token = peek()
        switch token.kind {
        case .identifier:
            advance()
            return (lexer.text(of: token), token.span)
        case .keyword(let keyword):
            throw fail(Catalog.keywordAsName(keyword.rawValue), at: token.span)
        case .command:
            throw fail(Catalog.keywordAsName(lexer.text(of: token)), at: token.span)
        default:
            throw failHere(Catalog.expected("a variable name after '\(keyword)'", found: describe(token)))
        }
    }

    ///     let_stmt ::= 'let' name '=' expr
    private mutating func parseLet() throws -> Stmt {
        let start = advance().span.start
        let (name, nameSpan) = try parseName(after: "let")
        try checkTopLevelOnly(name, at: nameSpan, how: "declared inside a block")
        _ = try expect(.equal, "'=' after 'let \(name)'")
        let value = try parseExpressionHandle()
        return Stmt(kind: .declare(name: name, nameSpan: nameSpan, value: value), span: span(from: start))
    }

    ///     if_stmt ::= 'if' expr block [ 'else' ( if_stmt | block ) ]
    private mutating func parseIf() throws -> Stmt {
        let start = advance().span.start
        let condition = try parseExpressionHandle()
        let body = try parseBlock(of: "if")
        var otherwise: [Stmt]?
        var lookahead = index
        while tokenAt(lookahead).kind == .newline { lookahead += 1 }
        if tokenAt(lookahead).isKeyword(.else) {
            index = lookahead
            advance()
            if peek().isKeyword(.if) {
                try enter(at: peek().span)
                defer { depth -= 1 }
                otherwise = [try parseIf()]
            } else {
                otherwise = try parseBlock(of: "else")
            }
        }
        return Stmt(kind: .ifElse(condition: condition, then: body, otherwise: otherwise), span: span(from: start))
    }

    ///     for_stmt ::= 'for' name 'in' expr block
    private mutating func parseFor() throws -> Stmt {
        let start = advance().span.start
        let (name, nameSpan) = try parseName(after: "for")
        guard peek().isKeyword(.in) else {
            throw failHere(Catalog.expected("'in' after 'for \(name)'", found: describe(peek())))
        }
        advance()
        let sequence = try parseExpressionHandle()
        let body = try parseBlock(of: "for")
        // Checked after the body so the error does not cascade into its lines.
        try checkTopLevelOnly(name, at: nameSpan, how: "a loop variable", always: true)
        return Stmt(kind: .forIn(name: name, nameSpan: nameSpan, sequence: sequence, body: body), span: span(from: start))
    }

    ///     block ::= '{' statements '}'
    private mutating func parseBlock(of construct: String) throws -> [Stmt] {
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
            return body
        }
    }

    /// `dryrun` must be a property of the whole session that no scope can hide: a block-local
    /// `let dryrun = true` or a loop variable would be invisible to the host and send for real.
    private func checkTopLevelOnly(_ name: String, at span: SourceSpan, how: String, always: Bool = false) throws {
        guard Parser.topLevelOnlyNames.contains(name), always || blockDepth > 0 else { return }
        throw fail(Catalog.dryRunScoped(how), at: span)
    }

    ///     print_stmt ::= 'print' [ expr { ',' expr } ]
    private mutating func parsePrint() throws -> Stmt {
        let start = advance().span.start
        var arguments: [Expr] = []
        if !atStatementEnd() {
            repeat {
                skipNewlines()
                arguments.append(try parseExpressionHandle())
            } while accept(.comma)
        }
        return Stmt(kind: .print(arguments), span: span(from: start))
    }

    ///     assert_stmt ::= 'assert' expr [ ',' expr ]
    private mutating func parseAssert() throws -> Stmt {
        let start = advance().span.start
        let condition = try parseExpressionHandle()
        var message: Expr?
        if accept(.comma) {
            skipNewlines()
            message = try parseExpressionHandle()
        }
        return Stmt(kind: .assert(condition: condition, message: message), span: span(from: start))
    }

    ///     exit_stmt ::= 'exit' [ expr ]
    private mutating func parseExit() throws -> Stmt {
        let start = advance().span.start
        let status = atStatementEnd() ? nil : try parseExpressionHandle()
        return Stmt(kind: .exit(status), span: span(from: start))
    }

    /// `expr(try parseExpression())` would copy the parser, tree and all, for the call to
    /// `expr` before parsing: a copy per statement makes every append copy the tree.
    private mutating func parseExpressionHandle() throws -> Expr {
        let id = try parseExpression()
        return expr(id)
    }

    mutating func atStatementEnd() -> Bool {
        switch peek().kind {
        case .newline, .end, .symbol(.semicolon), .symbol(.rightBrace): true
        default: false
        }
    }
}
