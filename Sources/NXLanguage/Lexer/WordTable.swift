/// A fixed set of words, matched on a word's bytes without building a String: keywords and
/// command words for the lexer, stage words for the parser. Most words looked up are names that
/// match nothing, and comparing a String against every word dominated lexing.
///
/// A word of up to 8 bytes is packed into one integer and looked up in a small open-addressing
/// table of plain values: a few instructions per word, and no reference counting. A longer word
/// is kept whole in `longWords` and compared byte by byte.
struct WordTable<Meaning: Sendable>: Sendable {
    private struct Slot: Sendable {
        var key: UInt64 = 0
        var meaning: Meaning?
    }

    private let slots: [Slot]
    private let longWords: [(bytes: [UInt8], meaning: Meaning)]
    let wordCount: Int

    /// Where two words are spelled the same, the first one listed wins.
    init(_ words: [(word: String, meaning: Meaning)]) {
        wordCount = words.count
        // A power of two, at least twice the words: probes stay short, and a missing word
        // always meets an empty slot.
        var size = 8
        while size < 2 * words.count { size *= 2 }
        var slots = [Slot](repeating: Slot(), count: size)
        for (word, meaning) in words where word.utf8.count <= 8 {
            let key = Array(word.utf8).withUnsafeBufferPointer { Self.pack($0, 0, $0.count) }
            var index = Self.home(key, size)
            while slots[index].key != 0, slots[index].key != key { index = (index + 1) & (size - 1) }
            if slots[index].key == 0 { slots[index] = Slot(key: key, meaning: meaning) }
        }
        self.slots = slots
        longWords = words.filter { $0.word.utf8.count > 8 }.map { (Array($0.word.utf8), $0.meaning) }
    }

    var size: Int { slots.count }

    @inline(__always)
    func match(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Meaning? {
        guard end - start <= 8 else { return matchLong(bytes, start, end) }
        let key = Self.pack(bytes, start, end)
        return slots.withUnsafeBufferPointer { slots in
            var index = Self.home(key, slots.count)
            while true {
                let slot = slots[index]
                if slot.key == key { return slot.meaning }
                if slot.key == 0 { return nil }
                index = (index + 1) & (slots.count - 1)
            }
        }
    }

    private func matchLong(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Meaning? {
        guard !longWords.isEmpty else { return nil }
        let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
        return longWords.first { $0.bytes.elementsEqual(word) }?.meaning
    }

    /// The bytes of a word of 1 to 8 bytes as one integer (never 0: the first byte is not 0).
    @inline(__always)
    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var key: UInt64 = 0
        for index in start..<end { key = key << 8 | UInt64(bytes[index]) }
        return key
    }

    /// The top bits of a multiplicative hash, as many as `size` (a power of two) needs.
    @inline(__always)
    private static func home(_ key: UInt64, _ size: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - size.trailingZeroBitCount))
    }
}

/// Keywords and command words: a name spelled like one is that token instead.
enum ReservedWords {
    /// In this order, so that a keyword wins over a command word spelled the same.
    static let table = WordTable(Keyword.allCases.map { ($0.rawValue, TokenKind.keyword($0)) }
        + CommandTable.firstWords.sorted().map { ($0, TokenKind.command) })
}
