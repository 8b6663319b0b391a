import NXLanguage

/// "Did you mean" helpers for ids and keys, by the language's `Suggestions.editDistance`.
enum Suggest {
    /// Candidates ordered by closeness, keeping those within a third of the word's length
    /// or sharing a substring with it.
    static func nearby(_ word: String, in candidates: [String], limit: Int = 3) -> [String] {
        let needle = word.lowercased()
        let core = needle.stripping("#")
        let limitDistance = max(2, word.count / 3)
        var scored: [(candidate: String, score: Int)] = []
        for candidate in candidates {
            let score = Suggestions.editDistance(Array(needle), Array(candidate.lowercased()))
            let shares = core.count >= 4 && candidate.lowercased().includes(core)
            if score <= limitDistance || shares { scored.append((candidate, score)) }
        }
        scored.sort { $0.score != $1.score ? $0.score < $1.score : $0.candidate < $1.candidate }
        return scored.prefix(limit).map(\.candidate)
    }

    static func nearest(_ word: String, in candidates: [String]) -> String? {
        nearby(word, in: candidates, limit: 1).first
    }
}

extension String {
    func stripping(_ set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
