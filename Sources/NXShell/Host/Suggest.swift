/// "Did you mean" helpers for ids and keys.
enum Suggest {
    /// Levenshtein distance over characters; inputs here are short ids.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased()), b = Array(b.lowercased())
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }

    /// Candidates ordered by closeness, keeping those within a third of the word's length
    /// or sharing a substring with it.
    static func nearby(_ word: String, in candidates: [String], limit: Int = 3) -> [String] {
        let needle = word.lowercased()
        let core = needle.stripping("#")
        let limitDistance = max(2, word.count / 3)
        var scored: [(candidate: String, score: Int)] = []
        for candidate in candidates {
            let score = distance(word, candidate)
            let shares = core.count >= 4 && candidate.lowercased().contains(core)
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
