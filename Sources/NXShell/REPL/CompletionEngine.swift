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
    var actionIDs: [String]
    var inputs: @Sendable (String) -> [String]

    static let metaWords = [".help", ".refresh", ".quit"]

    func complete(_ request: CompletionRequest) -> [String] {
        let before = String(request.line.utf8.prefix(request.start)) ?? ""
        let previous = before.split(whereSeparator: { $0 == " " || $0 == "\t" }).last.map(String.init)
        let word = request.word
        if before.trimmingSpaces().isEmpty, word.hasPrefix(".") { return matching(word, Self.metaWords) }
        if let action = openInputMap(before) { return matching(word, inputs(action)).map { $0 + ":" } }
        let spec = previous.flatMap { CommandTable.spec(named: $0) }
        if word.hasPrefix("#") || spec?.operand == .actionID { return matching(word, actionIDs) }
        if case .word(let choices)? = spec?.operand { return matching(word, choices) }
        return matching(word, words)
    }

    private func matching(_ prefix: String, _ candidates: [String]) -> [String] {
        Array(Set(candidates.filter { $0.hasPrefix(prefix) })).sorted()
    }

    /// The action of `run #id ... with <` when the cursor is inside that map, at a key position.
    private func openInputMap(_ before: String) -> String? {
        guard let open = before.ranges(of: "with <").last else { return nil }
        let inside = before[open.upperBound...]
        guard !inside.contains(">") else { return nil }
        let lastSeparator = inside.lastIndex { $0 == "," } ?? inside.startIndex
        let currentEntry = inside[lastSeparator...]
        guard !currentEntry.contains(":") else { return nil }
        let head = before[..<open.lowerBound]
        guard let run = head.ranges(of: "run ").last else { return nil }
        return head[run.upperBound...].split(separator: " ").first.map(String.init)
    }
}
