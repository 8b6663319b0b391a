/// Turns source bytes into tokens. Total: every input produces tokens plus diagnostics, never a trap.
/// Newlines are tokens; the parser decides where they end statements.
///
/// The parser pulls tokens on demand (`token(at:)`) and lets go of those it has passed
/// (`discard(before:)`), so a script is never held as one array of tokens.
struct Lexer {
    let bytes: UnsafeBufferPointer<UInt8>
    var pos: Int
    let end: Int
    /// Tokens lexed and not yet discarded: `buffer[0]` is token number `base` of the source.
    private let buffer = TokenBuffer()
    private var base = 0
    var diagnostics: [Diagnostic] = []
    /// Where the first token starts (see `contentEnd`).
    private var firstStart: Int?
    private(set) var finished = false
    /// Held by the lexer so that matching a word does not go through the global's lazy
    /// initialisation check every time.
    private let reservedWords = ReservedWords.table
    /// Set only when decoding a string token's contents (`stringParts(of:)`).
    var decodedParts: [StringPart]?

    /// Lexes `bytes[start..<end]`; spans stay offsets into the whole source.
    init(bytes: UnsafeBufferPointer<UInt8>, start: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.end = min(end ?? bytes.count, bytes.count)
        self.pos = max(0, min(start, self.end))
        if pos == 0, peek(0) == UInt8(ascii: "#"), peek(1) == UInt8(ascii: "!") { skipToLineEnd() }
    }

    static func tokenize(_ file: SourceFile) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        file.withBytes { bytes in
            var lexer = Lexer(bytes: bytes)
            lexer.run()
            return (lexer.tokens, lexer.diagnostics)
        }
    }

    /// The tokens not yet discarded, as an array (for whole-source users: tests, layout).
    var tokens: [Token] { buffer.all }

    var tokenCount: Int { buffer.count }

    mutating func run() {
        while !finished { lexMore() }
    }

    /// Token number `index` of the source, lexed on demand; past the end, the end token.
    /// Inlined: the parser asks for the current token many times per token, almost always
    /// one already lexed.
    @inline(__always)
    mutating func token(at index: Int) -> Token {
        let offset = index - base
        if offset < buffer.count { return buffer[offset] }
        return lexToken(at: index)
    }

    /// Lexes a few tokens ahead of `index`, so the parser's requests reach here once per batch.
    @inline(never)
    private mutating func lexToken(at index: Int) -> Token {
        let wanted = index - base + Lexer.batch
        while buffer.count <= wanted, !finished { lexMore() }
        return buffer[min(index - base, buffer.count - 1)]
    }

    private static let batch = 32

    /// Lets go of the tokens before `index`, which the caller will not ask for again. Done in
    /// batches, so the few tokens already lexed past `index` are moved rarely.
    mutating func discard(before index: Int) {
        let count = index - base
        guard count >= 1024 else { return }
        buffer.removeFirst(count)
        base = index
    }

    private mutating func lexMore() {
        guard pos >= end else {
            lexOne()
            return
        }
        let last = Lexer.contentEnd(bytes, start: firstStart ?? end, end: end)
        buffer.append(Token(kind: .end, span: SourceSpan(start: last, end: last)))
        finished = true
    }

    /// Where "end of input" is reported: after the last non-blank byte, so the message points at
    /// the last line with content rather than an empty line after it.
    static func contentEnd(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Int {
        var index = end
        while index > start, isSpace(bytes[index - 1]) { index -= 1 }
        return index
    }

    func peek(_ offset: Int) -> UInt8? {
        let index = pos + offset
        return index < end ? bytes[index] : nil
    }

    @inline(__always)
    mutating func add(_ kind: TokenKind, from start: Int) {
        if firstStart == nil { firstStart = start }
        buffer.append(Token(kind: kind, span: SourceSpan(start: start, end: pos)))
    }

    mutating func report(_ message: Message, _ start: Int, _ stop: Int) {
        diagnostics.append(Diagnostic(message, at: SourceSpan(start: start, end: stop)))
    }

    mutating func skipToLineEnd() {
        while pos < end, bytes[pos] != UInt8(ascii: "\n") { pos += 1 }
    }

    /// Lexes the token at `pos`, after the blanks before it. Skipped here rather than as a turn
    /// of the caller's loop, since most tokens follow a blank.
    private mutating func lexOne() {
        while Lexer.isBlank(bytes[pos]) {
            pos += 1
            if pos == end { return }
        }
        let start = pos
        let byte = bytes[pos]
        switch byte {
        case UInt8(ascii: "\n"):
            pos += 1
            add(.newline, from: start)
        case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
            skipToLineEnd()
        case UInt8(ascii: "#"):
            lexHash()
        case UInt8(ascii: "\""):
            lexString()
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"),
             UInt8(ascii: "a")...UInt8(ascii: "z"):
            lexWordLike()
        default:
            lexSymbol()
        }
    }

    private mutating func lexHash() {
        let start = pos
        guard let next = peek(1), !Lexer.isSpace(next) else {
            skipToLineEnd()
            return
        }
        guard Lexer.isIdentifierPart(next) else {
            pos += 1
            report(Catalog.invalidHash(), start, pos)
            add(.invalid, from: start)
            return
        }
        pos += 1
        while let byte = peek(0), Lexer.isIdentifierPart(byte) { pos += 1 }
        add(.nqlID, from: start)
    }

    /// A name, a keyword, a number, a duration or a UUID: all start with a run of letters,
    /// digits and `_`, which is scanned once; only a dash after it can make a UUID.
    private mutating func lexWordLike() {
        let start = pos
        var stop = pos + 1
        while stop < end, Lexer.isIdentifierPart(bytes[stop]) { stop += 1 }
        if continuesUUID(at: stop), lexUUIDIfPresent(firstGroupEnd: stop) { return }
        if Lexer.isDigit(bytes[start]) {
            // Most numbers are plain integers: all digits, and no `.` after them.
            if stop == end || bytes[stop] != UInt8(ascii: "."), Lexer.decimal(bytes, start, stop) != nil {
                pos = stop
                add(.int, from: start)
            } else {
                lexNumber()
            }
            return
        }
        pos = stop
        add(reservedWords.match(bytes, start, pos) ?? .identifier, from: start)
    }

    private mutating func lexSymbol() {
        let start = pos
        if let symbol = Lexer.symbol(bytes[pos], peek(1)) {
            pos += symbol.isTwoBytes ? 2 : 1
            add(.symbol(symbol), from: start)
            return
        }
        pos += Lexer.scalarLength(bytes, at: pos, end: end)
        let character = SourceFile.decode(bytes, start, pos)
        var message = Catalog.unexpectedCharacter(character)
        switch character {
        case "!": message.notes = ["use 'not' for negation and '!=' for inequality"]
        case "&": message.notes = ["use 'and' to combine conditions"]
        case "'": message.notes = ["strings use double quotes: \"text\""]
        default: break
        }
        report(message, start, pos)
        add(.invalid, from: start)
    }

    /// The operator or punctuation starting with `byte` (two-character ones first).
    @inline(__always)
    static func symbol(_ byte: UInt8, _ next: UInt8?) -> Symbol? {
        let equalsNext = next == UInt8(ascii: "=")
        switch byte {
        case UInt8(ascii: "="): return equalsNext ? .equalEqual : .equal
        case UInt8(ascii: "!"): return equalsNext ? .bangEqual : nil
        case UInt8(ascii: "<"): return equalsNext ? .lessEqual : .less
        case UInt8(ascii: ">"): return equalsNext ? .greaterEqual : .greater
        case UInt8(ascii: "+"): return .plus
        case UInt8(ascii: "-"): return .minus
        case UInt8(ascii: "*"): return .star
        case UInt8(ascii: "/"): return .slash
        case UInt8(ascii: "%"): return .percent
        case UInt8(ascii: "("): return .leftParen
        case UInt8(ascii: ")"): return .rightParen
        case UInt8(ascii: "["): return .leftBracket
        case UInt8(ascii: "]"): return .rightBracket
        case UInt8(ascii: "{"): return .leftBrace
        case UInt8(ascii: "}"): return .rightBrace
        case UInt8(ascii: ","): return .comma
        case UInt8(ascii: "."): return .dot
        case UInt8(ascii: ":"): return .colon
        case UInt8(ascii: ";"): return .semicolon
        case UInt8(ascii: "|"): return .pipe
        default: return nil
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }
    /// Digits and `A`-`F` in either case, as a 128-bit set (see `isIdentifierPart`).
    @inline(__always)
    static func isHex(_ byte: UInt8) -> Bool {
        let word: UInt64 = byte < 64 ? 0x03FF_0000_0000_0000 : 0x0000_007E_0000_007E
        return byte < 128 && (word >> UInt64(byte & 63)) & 1 != 0
    }
    static func isIdentifierStart(_ byte: UInt8) -> Bool { isLetter(byte) || byte == UInt8(ascii: "_") }
    /// Letters, digits and `_`, as a 128-bit set (two words): one shift and test per byte in the
    /// loops that scan words, instead of a chain of range checks.
    @inline(__always)
    static func isIdentifierPart(_ byte: UInt8) -> Bool {
        let word: UInt64 = byte < 64 ? 0x03FF_0000_0000_0000 : 0x07FF_FFFE_87FF_FFFE
        return byte < 128 && (word >> UInt64(byte & 63)) & 1 != 0
    }
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
    static func isSpace(_ byte: UInt8) -> Bool { isBlank(byte) || byte == UInt8(ascii: "\n") }

    /// Bytes in the UTF-8 sequence starting at `index` (1 for stray continuation bytes).
    static func scalarLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        var count = 1
        while count < length, index + count < end, bytes[index + count] & 0xC0 == 0x80 { count += 1 }
        return count
    }
}
