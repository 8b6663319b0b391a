/// The tokens a `Lexer` has lexed and not yet let go of. A class over raw memory, so that adding
/// a token is a store and a count, without the uniqueness check and growth logic of an array
/// append, which together cost a tenth of lexing.
///
/// A lexer owns its buffer: copies of a `Lexer` share it, so a lexer is handed over (to a
/// `Parser`) and never used again by the one who handed it. Tokens are plain values, so the
/// memory needs no deinitialisation.
final class TokenBuffer {
    private var base: UnsafeMutablePointer<Token>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    @inline(__always)
    func append(_ token: Token) {
        if count == capacity { grow() }
        (base + count).initialize(to: token)
        count += 1
    }

    @inline(__always)
    subscript(index: Int) -> Token {
        precondition(index >= 0 && index < count, "token index out of range")
        return base[index]
    }

    /// Moves the tokens from `prefix` on to the start.
    func removeFirst(_ prefix: Int) {
        precondition(prefix >= 0 && prefix <= count, "token count out of range")
        // The two ranges may overlap; copyMemory is a memmove.
        UnsafeMutableRawPointer(base).copyMemory(from: base + prefix, byteCount: (count - prefix) * MemoryLayout<Token>.stride)
        count -= prefix
    }

    var all: [Token] { Array(UnsafeBufferPointer(start: base, count: count)) }

    private func grow() {
        let larger = UnsafeMutablePointer<Token>.allocate(capacity: capacity * 2)
        larger.initialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}
