#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NXLanguage

/// Decides what Tab offers, from the text before the cursor. Pure, so it is unit-tested
/// without a terminal.
struct CompletionEngine: Sendable {
    var words: [String]
    /// The ids of one kind of object (remote actions, workflows, campaigns) known so far.
    var ids: @Sendable (CatalogueKind) -> [String]
    /// The input or parameter names of one object.
    var parameters: @Sendable (CatalogueKind, String) -> [String]
    var table = CommandTable.all

    static let metaWords = [".help", ".refresh", ".quit"]

    func complete(_ request: CompletionRequest) -> [String] {
        let before = Substring(String(request.line.utf8.prefix(request.start)) ?? "")
        let word = request.word
        if String(before).trimmingSpaces().isEmpty, word.hasPrefix(".") { return matching(word, Self.metaWords) }
        if let map = CursorContext.openParameterMap(before, in: table) {
            return matching(word, parameters(map.kind, map.id)).map { $0 + ":" }
        }
        let spec = CursorContext.command(endingAt: before, in: table)
        let second = CursorContext.secondWords(after: spec, in: table)
        if let kind = spec.flatMap({ CatalogueKind($0.operand) }) { return matching(word, ids(kind) + second) }
        if word.hasPrefix("#") { return matching(word, ids(.action)) }
        if case .word(let choices)? = spec?.operand { return matching(word, choices + second) }
        return matching(word, words)
    }

    private func matching(_ prefix: String, _ candidates: [String]) -> [String] {
        Array(Set(candidates.filter { $0.hasPrefix(prefix) })).sorted()
    }
}
