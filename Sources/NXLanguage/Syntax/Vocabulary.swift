/// Words of the language, for REPL completion and "did you mean" suggestions.
public enum Vocabulary {
    /// The session setting scripts use to rehearse runs; settable only at top level, handed to
    /// the host with every command (`CommandInvocation.settings`).
    public static let dryRunVariable = "dryrun"
    /// Reserved words (statements, operators, literals and the first words of commands).
    public static let keywords: [String] = Keyword.allCases.map(\.rawValue) + CommandTable.all.map { $0.words[0] }.uniqued()
    /// API commands (`CommandTable`), each usable as a statement or an expression.
    public static let commands: [String] = CommandTable.all.map(\.name)
    /// Words that only have a meaning after a command (`run ... on ... with ...`, `list windows`).
    public static let clauseWords: [String] = CommandTable.innerWords.uniqued()
    /// Stages allowed after `|`.
    public static let pipelineStages: [String] = StageWord.allCases.map(\.rawValue)
    /// Names other tools use for our stages, for "did you mean" hints.
    static let stageSynonyms: [String: String] = [
        "filter": "where", "grep": "where", "take": "first", "head": "first", "limit": "first", "tail": "last",
        "order": "sort", "orderby": "sort", "sort_by": "sort", "map": "pluck", "project": "select", "len": "count",
    ]
    /// Built-in functions of the core (the host adds its own, e.g. `read` and `now`).
    public static var functions: [String] { Builtins.names }

    /// Everything worth offering at the start of a word, sorted and without duplicates.
    public static var completionWords: [String] {
        Array(Set(keywords + clauseWords + pipelineStages + functions + ["it", "asc", "desc"])).sorted()
    }
}

extension Array where Element == String {
    /// The elements in order, each only the first time it appears.
    func uniqued() -> [String] {
        var seen = Set<String>()
        return filter { seen.insert($0).inserted }
    }
}
