/// Keywords and command words, matched on the word's bytes: most words are names, and building
/// a String to compare against every keyword dominated lexing.
///
/// Every reserved word today is at most 8 bytes, so a word is packed into one integer and looked
/// up in a small open-addressing table of plain values: a few instructions per word, and no
/// reference counting. A longer reserved word, should a command ever start with one, is kept
/// whole in `longWords` and compared byte by byte.
enum ReservedWords {
    private struct Slot: Sendable {
        var key: UInt64 = 0
        var kind = TokenKind.identifier
    }

    /// In this order, so that a keyword wins over a command word spelled the same.
    private static let words = Keyword.allCases.map { (Array($0.rawValue.utf8), TokenKind.keyword($0)) }
        + CommandTable.firstWords.sorted().map { (Array($0.utf8), TokenKind.command) }

    /// Slots in the table, a power of two: at least twice as many as there are words (26 today;
    /// `LexerTests` checks it), so probes stay short and a missing word always meets an empty
    /// slot. A constant, not computed from the words, because it is read for every name lexed.
    static let size = 64
    static var wordCount: Int { words.count }

    private static let longWords = words.filter { $0.0.count > 8 }

    private static let slots: [Slot] = {
        var slots = [Slot](repeating: Slot(), count: size)
        for (bytes, kind) in words where bytes.count <= 8 {
            let key = bytes.withUnsafeBufferPointer { pack($0, 0, $0.count) }
            var index = home(key)
            while slots[index].key != 0, slots[index].key != key { index = (index + 1) & (size - 1) }
            if slots[index].key == 0 { slots[index] = Slot(key: key, kind: kind) }
        }
        return slots
    }()

    static func match(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> TokenKind? {
        guard end - start <= 8 else { return matchLong(bytes, start, end) }
        let key = pack(bytes, start, end)
        let slots = slots
        var index = home(key)
        while true {
            let slot = slots[index]
            if slot.key == key { return slot.kind }
            if slot.key == 0 { return nil }
            index = (index + 1) & (size - 1)
        }
    }

    private static func matchLong(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> TokenKind? {
        let longWords = longWords
        guard !longWords.isEmpty else { return nil }
        let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
        return longWords.first { $0.0.elementsEqual(word) }?.1
    }

    /// The bytes of a word of 1 to 8 bytes as one integer (never 0: the first byte is not 0).
    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var key: UInt64 = 0
        for index in start..<end { key = key << 8 | UInt64(bytes[index]) }
        return key
    }

    private static func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 58)  // the top 6 bits: 0..<64
    }
}
