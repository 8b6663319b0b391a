extension Parser {
    ///     expr ::= or_expr { '|' stage }
    mutating func parseExpression() throws -> NodeID {
        let first = try parseOr()
        var lastStage: NodeID?
        while true {
            if peek().isSymbol(.pipe) {
                advance()
                skipNewlines()
                lastStage = try parseStage(after: lastStage)
            } else if continuesOnNextLine() {
                skipNewlines()
            } else {
                break
            }
        }
        guard let lastStage else { return first }
        let whole = span(from: span(of: first).start)
        return tree.pipeline(first, lastStage: lastStage, whole)
    }

    /// A line starting with `|` continues the pipeline of the line before.
    private mutating func continuesOnNextLine() -> Bool {
        var lookahead = index
        guard tokenAt(lookahead).kind == .newline else { return false }
        while tokenAt(lookahead).kind == .newline { lookahead += 1 }
        return tokenAt(lookahead).isSymbol(.pipe)
    }

    ///     or_expr        ::= and_expr { 'or' and_expr }
    ///     and_expr       ::= not_expr { 'and' not_expr }
    ///     comparison     ::= additive { ( '==' | '!=' | '<' | '<=' | '>' | '>=' | 'contains' ) additive }
    ///     additive       ::= multiplicative { ( '+' | '-' ) multiplicative }
    ///     multiplicative ::= unary { ( '*' | '/' | '%' ) unary }
    mutating func parseOr() throws -> NodeID {
        try parseBinary(above: 0)
    }

    ///     not_expr ::= 'not' not_expr | comparison
    private mutating func parseNot() throws -> NodeID {
        guard peek().isKeyword(.not) else { return try parseBinary(above: Precedence.not) }
        let token = advance()
        try enter(at: token.span)
        defer { depth -= 1 }
        let operand = try parseNot()
        let whole = span(from: token.span.start)
        return tree.unary(.not, operand, whole)
    }

    mutating func parseAdditive() throws -> NodeID {
        try parseBinary(above: Precedence.comparison)
    }

    /// Precedence climbing over the left-associative levels: operators of a level above
    /// `minimum` extend `left`. A flat chain is not nesting, but it becomes a left-deep tree that
    /// evaluation walks recursively, so a statement has its own operator budget. `not` binds
    /// looser than the comparisons, so where it may appear it takes the rest of that level.
    private mutating func parseBinary(above minimum: Int) throws -> NodeID {
        var left = minimum < Precedence.not && peek().isKeyword(.not) ? try parseNot() : try parseUnary()
        while case let (op, precedence)? = Parser.binaryOperator(peek().kind), precedence > minimum {
            let token = advance()
            operatorCount += 1
            if operatorCount > Catalog.maxOperators { throw fail(Catalog.tooManyOperators(), at: token.span) }
            skipNewlines()
            let right = try parseBinary(above: precedence)
            let whole = SourceSpan(start: span(of: left).start, end: span(of: right).end)
            left = tree.binary(op, left, right, whole)
        }
        return left
    }

    ///     unary ::= '-' unary | postfix
    mutating func parseUnary() throws -> NodeID {
        let token = peek()
        try enter(at: token.span)
        defer { depth -= 1 }
        guard token.isSymbol(.minus) else { return try parsePostfix() }
        advance()
        let operand = try parseUnary()
        let whole = span(from: token.span.start)
        return tree.unary(.negate, operand, whole)
    }

    ///     postfix ::= primary { '.' field_name | '[' expr ']' }
    private mutating func parsePostfix() throws -> NodeID {
        var expr = try parsePrimary()
        return try parsePostfixOperators(on: &expr)
    }

    mutating func parsePostfixOperators(on expr: inout NodeID) throws -> NodeID {
        // Most operands have no postfix operator: leave before setting up the loop.
        guard current.kind == .symbol(.dot) || current.kind == .symbol(.leftBracket) || current.kind == .newline else { return expr }
        var added = 0
        defer { depth -= added }
        while true {
            if peek().isSymbol(.dot) {
                advance()
                let nameStart = peek().span.start
                _ = try parseFieldName()
                let whole = span(from: span(of: expr).start)
                expr = tree.field(expr, nameStart: nameStart, whole)
            } else if peek().isSymbol(.leftBracket) {
                let open = advance()
                let key = try withNewlines(false) { parser in
                    let key = try parser.parseExpression()
                    try parser.close(.rightBracket, opener: open)
                    return key
                }
                let whole = span(from: span(of: expr).start)
                expr = tree.index(expr, key, whole)
            } else {
                return expr
            }
            added += 1
            try enter(at: span(of: expr))
        }
    }

    /// After `.`, in `select`/`sort`/`pluck` and as map keys, reserved words are fine as names
    /// (`r.status`), since API records use them.
    mutating func parseFieldName() throws -> String {
        let token = peek()
        switch token.kind {
        case .identifier, .command:
            advance()
            return lexer.text(of: token)
        case .keyword(let keyword):
            advance()
            return keyword.rawValue
        default:
            throw failHere(Catalog.expected("a field name", found: describe(token)))
        }
    }
}
