extension Parser {
    ///     primary ::= literal | string | name | call | command | '(' expr ')' | list | map
    mutating func parsePrimary() throws -> Expr {
        let token = peek()
        switch token.kind {
        case .int(let value): return literal(.int(value))
        case .double(let value): return literal(.double(value))
        case .nqlID(let id): return literal(.nqlID(id))
        case .uuid(let text): return literal(.uuid(text))
        case .duration(let seconds): return literal(.duration(seconds: seconds))
        case .keyword(.true): return literal(.bool(true))
        case .keyword(.false): return literal(.bool(false))
        case .keyword(.null): return literal(.null)
        case .string(let parts):
            advance()
            return try parseString(parts, span: token.span)
        case .identifier(let name):
            advance()
            if peek().isSymbol(.leftParen) { return try parseCall(name, start: token.span.start) }
            return Expr(kind: .variable(name), span: token.span)
        case .keyword(.contains) where tokens[index + 1].isSymbol(.leftParen):
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
            throw failHere(Catalog.expectedExpression(found: token.description))
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
        if case .string(let parts) = token.kind {
            if parts.isEmpty { advance(); return "" }
            if parts.count == 1, case .text(let text) = parts[0] { advance(); return text }
        }
        if case .identifier = token.kind { return try parseFieldName() }
        if case .keyword = token.kind { return try parseFieldName() }
        if case .command = token.kind { return try parseFieldName() }
        throw failHere(Catalog.expected("a map key (a name or a plain string)", found: token.description))
    }

    /// Parses each `${...}` of a string in place: a fresh lexer over the byte range keeps spans absolute.
    private mutating func parseString(_ parts: [StringPart], span: SourceSpan) throws -> Expr {
        var segments: [Segment] = []
        for part in parts {
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
        var lexer = Lexer(bytes: file.bytes, start: codeSpan.start, end: codeSpan.end)
        lexer.run()
        diagnostics += lexer.diagnostics
        if !lexer.diagnostics.isEmpty { throw ParseError(diagnostic: nil) }
        let whole = SourceSpan(start: codeSpan.start - 2, end: codeSpan.end + 1)
        if lexer.tokens.count == 1 { throw fail(Catalog.emptyInterpolation(), at: whole) }
        var inner = Parser(file: file, tokens: lexer.tokens, depth: depth + 1)
        inner.newlinesMatter = [false]
        let expr = try inner.parseExpression()
        if inner.peek().kind != .end {
            throw inner.failHere(Catalog.expected("'}' to end the interpolation", found: inner.peek().description))
        }
        return expr
    }
}
