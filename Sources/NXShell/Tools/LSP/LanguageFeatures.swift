import Foundation
import NXLanguage
import NexthinkClient

/// Completion, hover, formatting and symbols for one document.
struct LanguageFeatures {
    let uri: String
    let text: String
    let actions: [RemoteAction]
    private let positions: Positions

    init(uri: String, text: String, actions: [RemoteAction]) {
        self.uri = uri
        self.text = text
        self.actions = actions
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
        let prefix = positions.linePrefix(offset)
        if let action = actionBeforeOpenMap(prefix) {
            return action.scriptInfo.inputs.map { ["label": $0.name, "kind": 5, "detail": $0.description] }
        }
        let word = positions.word(endingAt: offset).text
        if word.hasPrefix("#") {
            return actions.map { ["label": $0.id, "kind": 12, "detail": $0.name, "insertText": String($0.id.dropFirst())] }
        }
        let analysis = Tools.analyze(SourceFile(name: uri, text: text))
        var items: [[String: Any]] = Vocabulary.keywords.uniqued().map { ["label": $0, "kind": 14] }
        items += Vocabulary.clauseWords.map { ["label": $0, "kind": 14] }
        items += Vocabulary.pipelineStages.map { ["label": $0, "kind": 14] }
        items += (Vocabulary.functions + HostFunctions.names).map { ["label": $0, "kind": 3] }
        items += (analysis.names(visibleAt: offset) + Tools.globals).map { ["label": $0, "kind": 6] }
        return items
    }

    /// Inside `#id ... with <` with the map still open: the action whose inputs to offer.
    private func actionBeforeOpenMap(_ prefix: String) -> RemoteAction? {
        guard let open = prefix.range(of: "<", options: .backwards), !prefix[open.upperBound...].contains(">"),
              prefix[..<open.lowerBound].trimmingCharacters(in: .whitespaces).hasSuffix("with"),
              let hash = prefix.range(of: "#", options: .backwards, range: prefix.startIndex..<open.lowerBound) else { return nil }
        let id = "#" + prefix[hash.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        return actions.first { $0.id == id }
    }

    private func hover(at offset: Int) -> [String: Any]? {
        let word = positions.word(at: offset)
        let markdown: String
        if word.hasPrefix("#"), let action = actions.first(where: { $0.id == word }) {
            markdown = ShellMessages.actionHover(action)
        } else if let signature = Self.signature(of: word) {
            markdown = "```nxsh\n\(signature)\n```"
        } else if let spec = CommandTable.spec(named: word) {
            markdown = "```nxsh\n\(spec.usage)\n```\n\(spec.summary)"
        } else {
            return nil
        }
        return ["contents": ["kind": "markdown", "value": markdown]]
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
