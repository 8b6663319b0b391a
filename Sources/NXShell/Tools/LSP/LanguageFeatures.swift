import Foundation
import NXLanguage
import NexthinkClient

/// Completion, hover, formatting and symbols for one document.
struct LanguageFeatures {
    let uri: String
    let text: String
    /// The disk cache, or nothing known.
    let catalogue: CatalogueCache.Entry
    private let positions: Positions

    init(uri: String, text: String, catalogue: CatalogueCache.Entry?) {
        self.uri = uri
        self.text = text
        self.catalogue = catalogue ?? CatalogueCache.Entry(actions: [], workflows: nil, campaigns: nil)
        positions = Positions(text)
    }

    func answer(_ method: String, params: [String: Any]) -> Any {
        let position = params["position"] as? [String: Any] ?? [:]
        let offset = positions.offset(line: position["line"] as? Int ?? 0, character: position["character"] as? Int ?? 0)
        switch method {
        case "textDocument/completion": return completion(at: offset)
        case "textDocument/hover": return hover(at: offset) ?? NSNull()
        case "textDocument/formatting": return formatting()
        default: return symbols()
        }
    }

    private func completion(at offset: Int) -> [[String: Any]] {
        let prefix = Substring(positions.linePrefix(offset))
        if let map = CursorContext.openParameterMap(prefix) {
            return (catalogue.parameters(map.kind, of: map.id) ?? []).map { ["label": $0, "kind": 5, "detail": detail(of: $0, in: map)] }
        }
        let word = positions.word(endingAt: offset)
        let spec = CursorContext.command(endingAt: prefix.dropLast(word.text.count))
        if let kind = spec.flatMap({ CatalogueKind($0.operand) }) ?? (word.text.hasPrefix("#") ? .action : nil) {
            let second = word.text.hasPrefix("#") ? [] : CursorContext.secondWords(after: spec).map { ["label": $0, "kind": 14] }
            return second + ids(kind).map { ["label": $0.id, "kind": 12, "detail": $0.name,
                                             "insertText": word.text.hasPrefix("#") ? String($0.id.dropFirst()) : $0.id] }
        }
        let analysis = Tools.analyze(SourceFile(name: uri, text: text))
        var items: [[String: Any]] = Vocabulary.keywords.uniqued().map { ["label": $0, "kind": 14] }
        items += Vocabulary.clauseWords.map { ["label": $0, "kind": 14] }
        items += Vocabulary.pipelineStages.map { ["label": $0, "kind": 14] }
        items += (Vocabulary.functions + HostFunctions.names).map { ["label": $0, "kind": 3] }
        items += (analysis.names(visibleAt: offset) + Tools.globals).map { ["label": $0, "kind": 6] }
        return items
    }

    /// Ids and names of one kind.
    private func ids(_ kind: CatalogueKind) -> [(id: String, name: String)] {
        kind == .action ? catalogue.actions.map { ($0.id, $0.name) } : (catalogue.items(kind) ?? []).map { ($0.id, $0.name) }
    }

    /// An action's input has a description; a workflow's or campaign's parameter only a name.
    private func detail(of name: String, in map: (kind: CatalogueKind, id: String)) -> String {
        guard map.kind == .action else { return "parameter of \(map.id)" }
        return catalogue.actions.first { $0.id == map.id }?.scriptInfo.inputs.first { $0.name == name }?.description ?? ""
    }

    private func hover(at offset: Int) -> [String: Any]? {
        let (word, start) = positions.word(around: offset)
        let markdown: String
        if word.hasPrefix("#"), let description = describe(word, after: Substring(positions.linePrefix(start))) {
            markdown = description
        } else if let signature = Self.signature(of: word) {
            markdown = "```nxsh\n\(signature)\n```"
        } else if let spec = CommandTable.spec(named: word) {
            markdown = "```nxsh\n\(spec.usage)\n```\n\(spec.summary)"
        } else {
            return nil
        }
        return ["contents": ["kind": "markdown", "value": markdown]]
    }

    /// The object an `#id` names: of the kind its command takes, else the first kind that has it.
    private func describe(_ id: String, after before: Substring) -> String? {
        let expected = CursorContext.command(endingAt: before).flatMap { CatalogueKind($0.operand) }
        for kind in expected.map({ [$0] }) ?? CatalogueKind.allCases {
            if kind == .action, let action = catalogue.actions.first(where: { $0.id == id }) { return ShellMessages.actionHover(action) }
            if let item = catalogue.items(kind)?.first(where: { $0.id == id }) { return ShellMessages.itemHover(item, kind) }
        }
        return nil
    }

    /// `split(a, b?)` from the built-ins' arity; the host's own functions by hand.
    static func signature(of name: String) -> String? {
        switch name {
        case "read": return ShellMessages.readSignature
        case "now": return ShellMessages.nowSignature
        default:
            guard let arity = Vocabulary.functionArity(name) else { return nil }
            let names = ["a", "b", "c"]
            let parameters = (0..<arity.upperBound).map { $0 < arity.lowerBound ? names[$0] : names[$0] + "?" }
            return "\(name)(\(parameters.joined(separator: ", ")))"
        }
    }

    private func formatting() -> Any {
        guard case .success(let formatted) = Layout.format(SourceFile(name: uri, text: text)), formatted != text else {
            return [Any]()
        }
        return [["range": ["start": ["line": 0, "character": 0], "end": positions.end], "newText": formatted]]
    }

    private func symbols() -> [[String: Any]] {
        let analysis = Tools.analyze(SourceFile(name: uri, text: text))
        return analysis.bindings.filter { $0.kind == .variable }.map { binding in
            let range = positions.range(of: binding.span)
            return ["name": binding.name, "kind": 13, "range": range, "selectionRange": range]
        }
    }
}
