/// Keywords and command words, matched on the word's bytes: most words are names, and building
/// a String to compare against every keyword dominated lexing.
///
/// Every reserved word is at most 8 bytes, so a word is packed into one integer and looked up
/// in a small open-addressing table of plain values: a few instructions per word, and no
/// reference counting.
enum ReservedWords {
    private struct Slot: Sendable {
        var key: UInt64 = 0
        var kind = TokenKind.identifier
    }

    /// A power of two, at least twice the number of reserved words.
    private static let size = 64

    private static let slots: [Slot] = {
        var slots = [Slot](repeating: Slot(), count: size)
        // In this order, so that a keyword wins over a command word spelled the same.
        let words = Keyword.allCases.map { ($0.rawValue, TokenKind.keyword($0)) }
            + CommandTable.firstWords.sorted().map { ($0, TokenKind.command) }
        for (word, kind) in words {
            let bytes = Array(word.utf8)
            precondition(bytes.count <= 8, "reserved words are packed into 8 bytes: \(word)")
            let key = bytes.withUnsafeBufferPointer { pack($0, 0, $0.count) }
            var index = home(key)
            while slots[index].key != 0, slots[index].key != key { index = (index + 1) & (size - 1) }
            if slots[index].key == 0 { slots[index] = Slot(key: key, kind: kind) }
        }
        return slots
    }()

    static func match(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> TokenKind? {
        guard end - start <= 8 else { return nil }
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

    /// The bytes of a word of 1 to 8 bytes as one integer (never 0: the first byte is not 0).
    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var key: UInt64 = 0
        for index in start..<end { key = key << 8 | UInt64(bytes[index]) }
        return key
    }

    private static func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 58)
    }
}
