import Foundation
import NXLanguage
import Testing

/// The editor grammars list the language's words by hand; these tests fail when the command
/// table gains a word that editors would not highlight.
struct EditorGrammarTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Every reserved word, command word (both words of two-word commands), clause word and
    /// pipeline stage.
    private static var words: [String] {
        let commandWords = CommandTable.all.flatMap(\.words)
        return (Vocabulary.keywords + commandWords + Vocabulary.clauseWords + Vocabulary.pipelineStages).uniquedSorted()
    }

    /// The alternatives of every `(?:a|b|c)` group in the TextMate grammar's `match` patterns.
    private func textMateWords() throws -> Set<String> {
        let data = try Data(contentsOf: Self.root.appendingPathComponent("editors/vscode/syntaxes/nxsh.tmLanguage.json"))
        let json = try JSONSerialization.jsonObject(with: data)
        var patterns: [String] = []
        func collect(_ node: Any) {
            if let object = node as? [String: Any] {
                for (key, value) in object {
                    if key == "match", let text = value as? String { patterns.append(text) } else { collect(value) }
                }
            } else if let array = node as? [Any] {
                array.forEach(collect)
            }
        }
        collect(json)
        var words = Set<String>()
        for pattern in patterns {
            for group in pattern.components(separatedBy: "(?:").dropFirst() {
                guard let close = group.firstIndex(of: ")") else { continue }
                words.formUnion(group[..<close].split(separator: "|").map(String.init))
            }
        }
        return words
    }

    /// The words of every `syn keyword` line of the Vim syntax file.
    private func vimWords() throws -> Set<String> {
        let text = try String(contentsOf: Self.root.appendingPathComponent("editors/vim/syntax/nxsh.vim"), encoding: .utf8)
        var words = Set<String>()
        for line in text.split(separator: "\n") where line.hasPrefix("syn keyword ") {
            words.formUnion(line.split(separator: " ").dropFirst(3).map(String.init))
        }
        return words
    }

    @Test func textMateGrammarHasEveryWordOfTheCommandTable() throws {
        let known = try textMateWords()
        #expect(Self.words.filter { !known.contains($0) } == [])
    }

    @Test func vimSyntaxHasEveryWordOfTheCommandTable() throws {
        let known = try vimWords()
        #expect(Self.words.filter { !known.contains($0) } == [])
    }

    @Test func bothGrammarsKnowTheFunctions() throws {
        let functions = Vocabulary.functions + ["read", "now"]
        let (textMate, vim) = (try textMateWords(), try vimWords())
        #expect(functions.filter { !textMate.contains($0) || !vim.contains($0) } == [])
    }
}

private extension Array where Element == String {
    func uniquedSorted() -> [String] { Array(Set(self)).sorted() }
}
