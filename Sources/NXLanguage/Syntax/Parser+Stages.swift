extension Parser {
    ///     stage ::= 'where' or_expr | 'select' fields | 'sort' sort_keys
    ///             | ( 'first' | 'last' ) [ additive ] | 'count' | 'pluck' field_path
    /// The stage's node, chained to the pipeline's `previous` stage.
    mutating func parseStage(after previous: NodeID?) throws -> NodeID {
        let token = peek()
        guard token.kind == .identifier else {
            throw failHere(Catalog.expected("a pipeline stage (\(Vocabulary.pipelineStages.joined(separator: ", ")))",
                                            found: describe(token)))
        }
        guard let word = lexer.word(of: token, in: StageWord.table) else {
            let name = lexer.text(of: token)
            let suggestion = Vocabulary.stageSynonyms[name] ?? Suggestions.closest(to: name, in: Vocabulary.pipelineStages)
            throw fail(Catalog.unknownStage(name, suggestion: suggestion), at: token.span)
        }
        advance()
        let kind: StageKindOf<NodeID>
        switch word {
        case .where: kind = .filter(try parseOr())
        case .select: kind = .select(try parseFieldPaths())
        case .sort: kind = .sort(try parseSortKeys())
        case .first: kind = .first(Parser.canStartOperand(peek()) ? try parseAdditive() : nil)
        case .last: kind = .last(Parser.canStartOperand(peek()) ? try parseAdditive() : nil)
        case .count: kind = .count
        case .pluck: kind = .pluck(try parseFieldPath())
        }
        return tree.stage(kind, after: previous, span(from: token.span.start))
    }

    ///     field_path ::= field_name { '.' field_name }
    private mutating func parseFieldPath() throws -> FieldPath {
        let start = peek().span.start
        var names = [try parseStageField()]
        while peek().isSymbol(.dot) {
            advance()
            names.append(try parseFieldName())
        }
        return FieldPath(names: names, span: span(from: start))
    }

    /// Stage fields may be quoted to reach names with spaces or dots: `select "device.name"`.
    private mutating func parseStageField() throws -> String {
        if case .string = peek().kind {
            let parts = lexer.stringParts(of: peek())
            if parts.count == 1, case .text(let text) = parts[0] {
                advance()
                return text
            }
        }
        return try parseFieldName()
    }

    private mutating func parseFieldPaths() throws -> [FieldPath] {
        var paths = [try parseFieldPath()]
        while accept(.comma) {
            skipNewlines()
            paths.append(try parseFieldPath())
        }
        return paths
    }

    ///     sort_keys ::= field_path [ 'asc' | 'desc' ] { ',' field_path [ 'asc' | 'desc' ] }
    private mutating func parseSortKeys() throws -> [SortKey] {
        var keys: [SortKey] = []
        repeat {
            skipNewlines()
            let path = try parseFieldPath()
            var descending = false
            let token = peek()
            if token.kind == .identifier, lexer.token(token, is: "asc") || lexer.token(token, is: "desc") {
                advance()
                descending = lexer.token(token, is: "desc")
            }
            keys.append(SortKey(path: path, descending: descending))
        } while accept(.comma)
        return keys
    }
}

/// The words that start a pipeline stage (`Vocabulary.pipelineStages`).
enum StageWord: String, CaseIterable {
    case `where`, select, sort, first, last, count, pluck

    static let table = WordTable(allCases.map { ($0.rawValue, $0) })
}
