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

    func answer(_ method: String, params: [String: JSONValue]) -> JSONValue {
        let position = params["position"]
        let offset = positions.offset(line: position?["line"]?.intValue ?? 0, character: position?["character"]?.intValue ?? 0)
        switch method {
        case "textDocument/completion": return .array(completion(at: offset))
        case "textDocument/hover": return hover(at: offset) ?? .null
        case "textDocument/formatting": return formatting()
        default: return .array(symbols())
        }
    }

    private func completion(at offset: Int) -> [JSONValue] {
        let prefix = positions.linePrefix(offset)
        if let action = actionBeforeOpenMap(prefix) {
            return action.scriptInfo.inputs.map { ["label": .string($0.name), "kind": 5, "detail": .string($0.description)] }
        }
        let word = positions.word(endingAt: offset).text
        if word.hasPrefix("#") {
            return actions.map { ["label": .string($0.id), "kind": 12, "detail": .string($0.name), "insertText": .string(String($0.id.dropFirst()))] }
        }
        let analysis = Tools.analyze(SourceFile(name: uri, text: text))
        var seen = Set<String>()
        var items: [JSONValue] = Vocabulary.keywords.filter { seen.insert($0).inserted }.map { ["label": .string($0), "kind": 14] }
        items += Vocabulary.clauseWords.map { ["label": .string($0), "kind": 14] }
        items += Vocabulary.pipelineStages.map { ["label": .string($0), "kind": 14] }
        items += (Vocabulary.functions + HostFunctions.names).map { ["label": .string($0), "kind": 3] }
        items += (analysis.names(visibleAt: offset) + Tools.globals).map { ["label": .string($0), "kind": 6] }
        return items
    }

    /// Inside `#id ... with <` with the map still open: the action whose inputs to offer.
    private func actionBeforeOpenMap(_ prefix: String) -> RemoteAction? {
        guard let open = prefix.lastIndex(of: "<"), !prefix[open...].contains(">"),
              String(prefix[..<open]).trimmingSpaces().hasSuffix("with"),
              let hash = prefix[..<open].lastIndex(of: "#") else { return nil }
        let id = "#" + prefix[prefix.index(after: hash)...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        return actions.first { $0.id == id }
    }

    private func hover(at offset: Int) -> JSONValue? {
        let word = positions.word(at: offset)
        let markdown: String
        if word.hasPrefix("#"), let action = actions.first(where: { $0.id == word }) {
            markdown = Self.describe(action)
        } else if let signature = Self.signature(of: word) {
            markdown = "```nxsh\n\(signature)\n```"
        } else if let spec = CommandTable.spec(named: word) {
            markdown = "```nxsh\n\(spec.usage)\n```\n\(spec.summary)"
        } else {
            return nil
        }
        return ["contents": ["kind": "markdown", "value": .string(markdown)]]
    }

    static func describe(_ action: RemoteAction) -> String {
        var platforms: [String] = []
        if action.scriptInfo.hasScriptWindows { platforms.append("Windows") }
        if action.scriptInfo.hasScriptMacOs { platforms.append("macOS") }
        var lines = ["**\(action.name)** `\(action.id)`", "", action.description, "",
                     "platforms: \(platforms.isEmpty ? "none" : platforms.joined(separator: ", "))"]
        let inputs = action.scriptInfo.inputs
        lines.append(inputs.isEmpty ? "inputs: none" : "inputs:")
        lines += inputs.map { input in
            "- `\(input.name)`: \(input.description)" + (input.allowCustomValue || input.options.isEmpty
                ? "" : " (one of: \(input.options.joined(separator: ", ")))")
        }
        return lines.joined(separator: "\n")
    }

    /// `split(a, b?)` from the built-ins' arity; the host's own functions by hand.
    static func signature(of name: String) -> String? {
        switch name {
        case "read": return "read(path) -> list of lines"
        case "now": return "now() -> ISO 8601 time"
        default:
            guard let arity = Vocabulary.functionArity(name) else { return nil }
            let names = ["a", "b", "c"]
            let parameters = (0..<arity.upperBound).map { $0 < arity.lowerBound ? names[$0] : names[$0] + "?" }
            return "\(name)(\(parameters.joined(separator: ", ")))"
        }
    }

    private func formatting() -> JSONValue {
        guard case .success(let formatted) = Layout.format(SourceFile(name: uri, text: text)), formatted != text else {
            return []
        }
        return [["range": ["start": ["line": 0, "character": 0], "end": positions.end], "newText": .string(formatted)]]
    }

    private func symbols() -> [JSONValue] {
        let analysis = Tools.analyze(SourceFile(name: uri, text: text))
        return analysis.bindings.filter { $0.kind == .variable }.map { binding in
            let range = positions.range(of: binding.span)
            return ["name": .string(binding.name), "kind": 13, "range": range, "selectionRange": range]
        }
    }
}
