extension Parser {
    ///     primary ::= literal | string | name | call | command | '(' expr ')' | list | map
    mutating func parsePrimary() throws -> NodeID {
        let token = peek()
        switch token.kind {
        case .int: return number(.int, bits: UInt64(bitPattern: Int64(lexer.intValue(of: token))))
        case .double: return number(.double, bits: lexer.doubleValue(of: token).bitPattern)
        case .duration: return number(.duration, bits: UInt64(bitPattern: Int64(lexer.durationSeconds(of: token))))
        case .nqlID: return tree.spelled(.nqlID, advance().span)
        case .uuid: return tree.spelled(.uuid, advance().span)
        case .keyword(.true): return tree.bool(true, advance().span)
        case .keyword(.false): return tree.bool(false, advance().span)
        case .keyword(.null): return tree.spelled(.null, advance().span)
        case .string:
            advance()
            return try parseString(token)
        case .identifier:
            advance()
            if peek().isSymbol(.leftParen) { return try parseCall(lexer.text(of: token), start: token.span) }
            return tree.variable(token.span)
        case .keyword(.contains) where tokenAt(index + 1).isSymbol(.leftParen):
            advance()
            return try parseCall("contains", start: token.span)
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

    /// An int, double or duration literal: its value is computed once, here.
    private mutating func number(_ tag: Node.Tag, bits: UInt64) -> NodeID {
        tree.number(tag, bits: bits, advance().span)
    }

    ///     call ::= name '(' [ expr { ',' expr } ] ')'
    private mutating func parseCall(_ name: String, start nameSpan: SourceSpan) throws -> NodeID {
        let open = advance()
        let mark = tree.mark
        try withNewlines(false) { parser in
            while !parser.peek().isSymbol(.rightParen) {
                parser.tree.pending.append(try parser.parseExpression().index)
                guard parser.accept(.comma) else { break }
            }
            try parser.close(.rightParen, opener: open)
        }
        let whole = span(from: nameSpan.start)
        return tree.call(nameEnd: nameSpan.end, builtin: Builtins.function(named: name) != nil, from: mark, whole)
    }

    ///     list ::= '[' [ expr { ',' expr } ] ']'
    private mutating func parseList() throws -> NodeID {
        let open = advance()
        let mark = tree.mark
        try withNewlines(false) { parser in
            while !parser.peek().isSymbol(.rightBracket) {
                parser.tree.pending.append(try parser.parseExpression().index)
                guard parser.accept(.comma) else { break }
            }
            try parser.close(.rightBracket, opener: open)
        }
        let whole = span(from: open.span.start)
        return tree.list(from: mark, whole)
    }

    /// `<key: value, ...>`; values are parsed without comparisons so `>` can close the map.
    ///     map ::= '<' [ map_key ':' additive { ',' map_key ':' additive } ] '>'
    private mutating func parseMap() throws -> NodeID {
        let open = advance()
        let mark = tree.mark
        try withNewlines(false) { parser in
            while !parser.peek().isSymbol(.greater) {
                let keyToken = parser.peek()
                let decodedKey = try parser.parseMapKey()
                let bytes = parser.lexer.bytes
                _ = try parser.expect(.colon, "':' after map key '\(decodedKey ?? Parser.keyText(keyToken, in: bytes))'")
                let value = try parser.parseAdditive()
                parser.tree.addEntry(keySpan: keyToken.span, decodedKey: decodedKey,
                                     inQuotes: keyToken.kind == .string(plain: true), value: value)
                guard parser.accept(.comma) else { break }
            }
            try parser.close(.greater, opener: open)
        }
        let whole = span(from: open.span.start)
        return tree.map(from: mark, whole)
    }

    ///     map_key ::= name | keyword | plain_string
    /// Returns the key only when it must be decoded (a string with escapes); a name or a plain
    /// string is read back from the source.
    private mutating func parseMapKey() throws -> String? {
        let token = peek()
        if token.kind == .string(plain: true) {
            advance()
            return nil
        }
        if case .string = token.kind {
            let parts = lexer.stringParts(of: token)
            if parts.isEmpty { advance(); return "" }
            if parts.count == 1, case .text(let text) = parts[0] { advance(); return text }
        }
        switch token.kind {
        case .identifier, .keyword, .command:
            advance()
            return nil
        default: break
        }
        throw failHere(Catalog.expected("a map key (a name or a plain string)", found: describe(token)))
    }

    /// A name's or a plain string's key as written (for a message).
    private static func keyText(_ token: Token, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        let quotes = token.kind == .string(plain: true) ? 1 : 0
        return SourceFile.decode(bytes, token.span.start + quotes, token.span.end - quotes)
    }

    /// Parses each `${...}` of a string in place: a fresh lexer over the byte range keeps spans absolute.
    private mutating func parseString(_ token: Token) throws -> NodeID {
        let span = token.span
        if token.kind == .string(plain: true) { return tree.spelled(.plainString, span) }
        var segments: [SegmentOf<NodeID>] = []
        for part in lexer.stringParts(of: token) {
            switch part {
            case .text(let text): segments.append(.text(text))
            case .code(let codeSpan): segments.append(.expr(try parseInterpolation(codeSpan)))
            }
        }
        if segments.isEmpty { return tree.value(.string(""), span) }
        if segments.count == 1, case .text(let text) = segments[0] { return tree.value(.string(text), span) }
        return tree.interpolated(segments, span)
    }

    /// The inner parser adds to this parser's tree: it takes the storage and gives it back.
    private mutating func parseInterpolation(_ codeSpan: SourceSpan) throws -> NodeID {
        var codeLexer = Lexer(bytes: lexer.bytes, start: codeSpan.start, end: codeSpan.end)
        codeLexer.run()
        diagnostics += codeLexer.diagnostics
        if !codeLexer.diagnostics.isEmpty { throw ParseError(diagnostic: nil) }
        let whole = SourceSpan(start: codeSpan.start - 2, end: codeSpan.end + 1)
        if codeLexer.tokenCount == 1 { throw fail(Catalog.emptyInterpolation(), at: whole) }
        var inner = Parser(file: file, lexer: codeLexer, handle: handle, depth: depth + 1)
        swap(&inner.tree, &tree)
        defer { swap(&inner.tree, &tree) }
        inner.newlinesMatter = false
        let expr = try inner.parseExpression()
        if inner.peek().kind != .end {
            throw inner.failHere(Catalog.expected("'}' to end the interpolation", found: inner.describe(inner.peek())))
        }
        return expr
    }
}
