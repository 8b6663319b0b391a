extension Parser {
    ///     expr ::= or_expr { '|' stage }
    mutating func parseExpression() throws -> Expr {
        let first = try parseOr()
        var stages: [Stage] = []
        while true {
            if peek().isSymbol(.pipe) {
                advance()
                skipNewlines()
                stages.append(try parseStage())
            } else if continuesOnNextLine() {
                skipNewlines()
            } else {
                break
            }
        }
        return stages.isEmpty ? first : Expr(kind: .pipeline(first, stages), span: span(from: first.span.start))
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
    mutating func parseOr() throws -> Expr {
        try parseBinary(above: 0)
    }

    ///     not_expr ::= 'not' not_expr | comparison
    private mutating func parseNot() throws -> Expr {
        guard peek().isKeyword(.not) else { return try parseBinary(above: Precedence.not) }
        let token = advance()
        try enter(at: token.span)
        defer { depth -= 1 }
        let operand = try parseNot()
        return Expr(kind: .unary(.not, operand), span: span(from: token.span.start))
    }

    mutating func parseAdditive() throws -> Expr {
        try parseBinary(above: Precedence.comparison)
    }

    /// Precedence climbing over the left-associative levels: operators of a level above
    /// `minimum` extend `left`. A flat chain is not nesting, but it becomes a left-deep tree that
    /// evaluation walks recursively, so a statement has its own operator budget.
    private mutating func parseBinary(above minimum: Int) throws -> Expr {
        var left = minimum < Precedence.not ? try parseNot() : try parseUnary()
        while case let (op, precedence)? = Parser.binaryOperator(peek().kind), precedence > minimum {
            let token = advance()
            operatorCount += 1
            if operatorCount > Catalog.maxOperators { throw fail(Catalog.tooManyOperators(), at: token.span) }
            skipNewlines()
            let right = try parseBinary(above: precedence)
            left = Expr(kind: .binary(op, left, right), span: SourceSpan(start: left.span.start, end: right.span.end))
        }
        return left
    }

    ///     unary ::= '-' unary | postfix
    mutating func parseUnary() throws -> Expr {
        let token = peek()
        try enter(at: token.span)
        defer { depth -= 1 }
        guard token.isSymbol(.minus) else { return try parsePostfix() }
        advance()
        let operand = try parseUnary()
        return Expr(kind: .unary(.negate, operand), span: span(from: token.span.start))
    }

    ///     postfix ::= primary { '.' field_name | '[' expr ']' }
    private mutating func parsePostfix() throws -> Expr {
        var expr = try parsePrimary()
        return try parsePostfixOperators(on: &expr)
    }

    mutating func parsePostfixOperators(on expr: inout Expr) throws -> Expr {
        var added = 0
        defer { depth -= added }
        while true {
            if peek().isSymbol(.dot) {
                advance()
                let name = try parseFieldName()
                expr = Expr(kind: .field(expr, name: name), span: span(from: expr.span.start))
            } else if peek().isSymbol(.leftBracket) {
                let open = advance()
                let key = try withNewlines(false) { parser in
                    let key = try parser.parseExpression()
                    try parser.close(.rightBracket, opener: open)
                    return key
                }
                expr = Expr(kind: .index(expr, key), span: span(from: expr.span.start))
            } else {
                return expr
            }
            added += 1
            try enter(at: expr.span)
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
