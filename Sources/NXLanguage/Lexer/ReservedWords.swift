/// Keywords and command words, matched on the word's bytes: most words are names, and building
/// a String to compare against every keyword dominated lexing.
enum ReservedWords {
    private struct Entry: Sendable {
        let bytes: [UInt8]
        let kind: TokenKind
    }

    /// Entries by the word's first byte (ASCII only: every reserved word is ASCII).
    private static let byFirstByte: [[Entry]] = {
        var table = [[Entry]](repeating: [], count: 128)
        let words = Keyword.allCases.map { ($0.rawValue, TokenKind.keyword($0)) }
            + CommandTable.firstWords.sorted().map { ($0, TokenKind.command) }
        for (word, kind) in words {
            let bytes = Array(word.utf8)
            table[Int(bytes[0])].append(Entry(bytes: bytes, kind: kind))
        }
        return table
    }()

    static func match(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> TokenKind? {
        let first = Int(bytes[start])
        guard first < 128 else { return nil }
        for entry in byFirstByte[first] where entry.bytes.count == end - start && equal(entry.bytes, bytes, at: start) {
            return entry.kind
        }
        return nil
    }

    private static func equal(_ word: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        for offset in word.indices where word[offset] != bytes[start + offset] { return false }
        return true
    }
}
