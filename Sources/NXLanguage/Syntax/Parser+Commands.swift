extension Parser {
    /// Commands are expressions: `let r = run ...`, `(get #x).name`, `list | count`.
    /// Their operands are parsed without comparisons and pipelines, so `list | where ...` and
    /// `status r == x` group as a reader expects.
    mutating func parseCommand() throws -> Expr {
        let token = peek()
        guard case .keyword(let keyword) = token.kind else { throw failHere(Catalog.expectedExpression(found: token.description)) }
        if requiresOperand(keyword), !canStartOperand(tokens[index + 1]), !isStatementEnd(tokens[index + 1]) {
            // `where status == "failure"`: a command word used as a plain (field) name.
            advance()
            return Expr(kind: .variable(keyword.rawValue), span: token.span)
        }
        advance()
        let start = token.span.start
        let command: Command
        switch keyword {
        case .list: command = .list(parsePlatform())
        case .get: command = .get(try parseOperand(of: keyword, example: "get #get_battery_status"))
        case .status: command = .status(try parseOperand(of: keyword, example: "status r"))
        case .run: command = .run(try parseRun())
        case .wait:
            let target = try parseOperand(of: keyword, example: "wait r timeout 10m")
            command = .wait(target, timeout: try parseClause("timeout"))
        case .query:
            let id = try parseOperand(of: keyword, example: "query #devices_by_name with <name: \"LAPTOP-01\">")
            command = .query(id, parameters: try parseClause("with"))
        case .audit:
            command = .audit(limit: peekIsLimit() ? try parseUnary() : nil)
        default:
            command = .token
        }
        var expr = Expr(kind: .command(command), span: span(from: start))
        return try parsePostfixOperators(on: &expr)
    }

    private func requiresOperand(_ keyword: Keyword) -> Bool {
        [.get, .run, .status, .wait, .query].contains(keyword)
    }

    private func isStatementEnd(_ token: Token) -> Bool {
        switch token.kind {
        case .newline, .end, .symbol(.semicolon), .symbol(.rightBrace): true
        default: false
        }
    }

    func canStartOperand(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .int, .double, .string, .nqlID, .uuid, .duration, .invalid: true
        case .keyword(let keyword): keyword.isCommand || [.true, .false, .null, .not].contains(keyword)
        case .symbol(let symbol): [.leftParen, .leftBracket, .less, .minus].contains(symbol)
        case .newline, .end: false
        }
    }

    private mutating func parseOperand(of keyword: Keyword, example: String) throws -> Expr {
        guard canStartOperand(peek()) else {
            throw failHere(Catalog.commandNeedsOperand(keyword.rawValue, example: example))
        }
        return try parseUnary()
    }

    private mutating func parsePlatform() -> Platform? {
        guard case .identifier(let word) = peek().kind, let platform = Platform(rawValue: word) else { return nil }
        advance()
        return platform
    }

    private mutating func peekIsLimit() -> Bool {
        switch peek().kind {
        case .int, .identifier, .symbol(.leftParen), .symbol(.minus): true
        default: false
        }
    }

    /// An optional `word expr` clause (`timeout 10m`, `with <...>`).
    private mutating func parseClause(_ word: String) throws -> Expr? {
        guard peek().kind == .identifier(word) else { return nil }
        advance()
        return try parseAdditive()
    }

    private mutating func parseRun() throws -> RunClauses {
        let action = try parseOperand(of: .run, example: "run #get_battery_status on [3fa85f64-5717-4562-b3fc-2c963f66afa6]")
        guard peek().kind == .identifier("on") else { throw failHere(Catalog.runNeedsDevices()) }
        advance()
        guard canStartOperand(peek()) else { throw failHere(Catalog.runNeedsDevices()) }
        var clauses = RunClauses(action: action, devices: try parseAdditive())
        var seen = Set<String>()
        while case .identifier(let word) = peek().kind, ["with", "expires", "reason", "ref"].contains(word) {
            let wordToken = advance()
            guard seen.insert(word).inserted else { throw fail(Catalog.duplicateClause(word), at: wordToken.span) }
            let value = try parseAdditive()
            switch word {
            case "with": clauses.parameters = value
            case "expires": clauses.expires = value
            case "reason": clauses.reason = value
            default: clauses.reference = value
            }
        }
        return clauses
    }
}
