extension Parser {
    ///     primary ::= literal | string | name | call | command | '(' expr ')' | list | map
    mutating func parsePrimary() throws -> Expr {
        let token = peek()
        switch token.kind {
        case .int: return literal(.int(lexer.intValue(of: token)))
        case .double: return literal(.double(lexer.doubleValue(of: token)))
        case .nqlID: return literal(.nqlID(lexer.text(of: token)))
        case .uuid: return literal(.uuid(lexer.text(of: token)))
        case .duration: return literal(.duration(seconds: lexer.durationSeconds(of: token)))
        case .keyword(.true): return literal(.bool(true))
        case .keyword(.false): return literal(.bool(false))
        case .keyword(.null): return literal(.null)
        case .string:
            advance()
            return try parseString(token)
        case .identifier:
            advance()
            let name = lexer.text(of: token)
            if peek().isSymbol(.leftParen) { return try parseCall(name, start: token.span.start) }
            return Expr(kind: .variable(name), span: token.span)
        case .keyword(.contains) where tokenAt(index + 1).isSymbol(.leftParen):
            advance()
            return try parseCall("contains", start: token.span.start)
        case .command:
            return try parseCommand()
        case .symbol(.leftParen):
            advance()
            return try withNewlines(false) { parser in
                let inner = try parser.parseExpression()
                try parser.close(.rightParen, opener: token)
                return inner
            }
        case .symbol(.leftBracket):
            return try parseList()
        case .symbol(.less):
            return try parseMap()
        case .invalid:
            throw ParseError(diagnostic: nil)
        default:
            throw failHere(Catalog.expectedExpression(found: describe(token)))
        }
    }

    private mutating func literal(_ value: Value) -> Expr {
        Expr(kind: .literal(value), span: advance().span)
    }

    ///     call ::= name '(' [ expr { ',' expr } ] ')'
    private mutating func parseCall(_ name: String, start: Int) throws -> Expr {
        let open = advance()
        let arguments = try withNewlines(false) { parser in
            var arguments: [Expr] = []
            while !parser.peek().isSymbol(.rightParen) {
                arguments.append(try parser.parseExpression())
                guard parser.accept(.comma) else { break }
            }
            try parser.close(.rightParen, opener: open)
            return arguments
        }
        return Expr(kind: .call(name: name, arguments: arguments), span: span(from: start))
    }

    ///     list ::= '[' [ expr { ',' expr } ] ']'
    private mutating func parseList() throws -> Expr {
        let open = advance()
        let elements = try withNewlines(false) { parser in
            var elements: [Expr] = []
            while !parser.peek().isSymbol(.rightBracket) {
                elements.append(try parser.parseExpression())
                guard parser.accept(.comma) else { break }
            }
            try parser.close(.rightBracket, opener: open)
            return elements
        }
        return Expr(kind: .list(elements), span: span(from: open.span.start))
    }

    /// `<key: value, ...>`; values are parsed without comparisons so `>` can close the map.
    ///     map ::= '<' [ map_key ':' additive { ',' map_key ':' additive } ] '>'
    private mutating func parseMap() throws -> Expr {
        let open = advance()
        let entries = try withNewlines(false) { parser in
            var entries: [MapEntry] = []
            while !parser.peek().isSymbol(.greater) {
                let keyToken = parser.peek()
                let key = try parser.parseMapKey()
                _ = try parser.expect(.colon, "':' after map key '\(key)'")
                let value = try parser.parseAdditive()
                entries.append(MapEntry(key: key, keySpan: keyToken.span, value: value))
                guard parser.accept(.comma) else { break }
            }
            try parser.close(.greater, opener: open)
            return entries
        }
        return Expr(kind: .map(entries), span: span(from: open.span.start))
    }

    ///     map_key ::= name | keyword | plain_string
    private mutating func parseMapKey() throws -> String {
        let token = peek()
        if case .string = token.kind {
            let parts = lexer.stringParts(of: token)
            if parts.isEmpty { advance(); return "" }
            if parts.count == 1, case .text(let text) = parts[0] { advance(); return text }
        }
        switch token.kind {
        case .identifier, .keyword, .command: return try parseFieldName()
        default: break
        }
        throw failHere(Catalog.expected("a map key (a name or a plain string)", found: describe(token)))
    }

    /// Parses each `${...}` of a string in place: a fresh lexer over the byte range keeps spans absolute.
    private mutating func parseString(_ token: Token) throws -> Expr {
        let span = token.span
        if token.kind == .string(plain: true) {
            return Expr(kind: .literal(.string(lexer.plainContents(of: token))), span: span)
        }
        var segments: [Segment] = []
        for part in lexer.stringParts(of: token) {
            switch part {
            case .text(let text): segments.append(.text(text))
            case .code(let codeSpan): segments.append(.expr(try parseInterpolation(codeSpan)))
            }
        }
        if segments.isEmpty { return Expr(kind: .literal(.string("")), span: span) }
        if segments.count == 1, case .text(let text) = segments[0] { return Expr(kind: .literal(.string(text)), span: span) }
        return Expr(kind: .interpolated(segments), span: span)
    }

    private mutating func parseInterpolation(_ codeSpan: SourceSpan) throws -> Expr {
        var codeLexer = Lexer(bytes: lexer.bytes, start: codeSpan.start, end: codeSpan.end)
        codeLexer.run()
        diagnostics += codeLexer.diagnostics
        if !codeLexer.diagnostics.isEmpty { throw ParseError(diagnostic: nil) }
        let whole = SourceSpan(start: codeSpan.start - 2, end: codeSpan.end + 1)
        if codeLexer.tokens.count == 1 { throw fail(Catalog.emptyInterpolation(), at: whole) }
        var inner = Parser(file: file, lexer: codeLexer, depth: depth + 1)
        inner.newlinesMatter = false
        let expr = try inner.parseExpression()
        if inner.peek().kind != .end {
            throw inner.failHere(Catalog.expected("'}' to end the interpolation", found: inner.describe(inner.peek())))
        }
        return expr
    }
}
