@testable import NXLanguage
import Testing

/// Compact spelling of a token stream with each payload decoded, so cases fit on one line.
func lexed(_ source: String) -> [String] {
    SourceFile(name: "t", text: source).withBytes { bytes in
        var lexer = Lexer(bytes: bytes)
        lexer.run()
        return lexer.tokens.map { spelling($0, lexer) }
    }
}

private func spelling(_ token: Token, _ lexer: Lexer) -> String {
    switch token.kind {
    case .identifier: "id:\(lexer.text(of: token))"
    case .keyword(let keyword): "kw:\(keyword.rawValue)"
    case .command: "kw:\(lexer.text(of: token))"
    case .int: "int:\(lexer.intValue(of: token))"
    case .double: "dbl:\(lexer.doubleValue(of: token))"
    case .string: "str:" + lexer.stringParts(of: token).map { part in
        switch part {
        case .text(let text): text
        case .code(let span): "{\(span.start)-\(span.end)}"
        }
    }.joined()
    case .nqlID: "nql:\(lexer.text(of: token))"
    case .uuid: "uuid:\(lexer.text(of: token))"
    case .duration: "dur:\(lexer.durationSeconds(of: token))"
    case .symbol(let symbol): symbol.rawValue
    case .newline: "nl"
    case .invalid: "invalid"
    case .end: "end"
    }
}

func lexErrors(_ source: String) -> [String] {
    Lexer.tokenize(SourceFile(name: "t", text: source)).diagnostics.map(\.message)
}

struct LexerTests {
    static let cases: [(String, [String])] = [
        ("let x = 42", ["kw:let", "id:x", "=", "int:42", "end"]),
        ("a.b[0]", ["id:a", ".", "id:b", "[", "int:0", "]", "end"]),
        ("1.5 2e3 7", ["dbl:1.5", "dbl:2000.0", "int:7", "end"]),
        ("30s 90m 2h 7d 1h30m", ["dur:30", "dur:5400", "dur:7200", "dur:604800", "dur:5400", "end"]),
        ("#ExampleRA #a_1", ["nql:#ExampleRA", "nql:#a_1", "end"]),
        ("2bdb0941-2507-40de-854a-3efa1784b26b", ["uuid:2bdb0941-2507-40de-854a-3efa1784b26b", "end"]),
        ("[d0debb1b-fc48-4eb1-81fa-8a799b21d108,1]", ["[", "uuid:d0debb1b-fc48-4eb1-81fa-8a799b21d108", ",", "int:1", "]", "end"]),
        ("a-b", ["id:a", "-", "id:b", "end"]),
        ("count-1", ["id:count", "-", "int:1", "end"]),
        ("deadbeef", ["id:deadbeef", "end"]),
        ("== != <= >= < > |", ["==", "!=", "<=", ">=", "<", ">", "|", "end"]),
        ("a\nb;c", ["id:a", "nl", "id:b", ";", "id:c", "end"]),
        ("x // comment\ny", ["id:x", "nl", "id:y", "end"]),
        ("x # comment\n#\ny", ["id:x", "nl", "nl", "id:y", "end"]),
        ("#!/usr/bin/env nxsh\nprint", ["nl", "kw:print", "end"]),
        (#""a\tb\u{41}\$""#, ["str:a\tbA$", "end"]),
        (#""x${y}z""#, ["str:x{4-5}z", "end"]),
        (#""${"${a}"}""#, ["str:{3-9}", "end"]),
        ("status contains not", ["kw:status", "kw:contains", "kw:not", "end"]),
        ("", ["end"]),
        (#""" "plain" "a\"b""#, ["str:", "str:plain", "str:a\"b", "end"]),
    ]

    @Test(arguments: cases)
    func tokens(_ source: String, _ expected: [String]) {
        #expect(lexed(source) == expected)
        #expect(lexErrors(source).isEmpty)
    }

    static let errorCases: [(String, String)] = [
        (#""open"#, "unterminated string"),
        (#""a ${b"#, "unterminated interpolation '${' in string"),
        (#""\q""#, "unknown escape sequence '\\q' in string"),
        (#""\u{D800}""#, "invalid unicode escape '\\u{D800}'"),
        (#""\u{}""#, "invalid unicode escape '\\u{}'"),
        ("2bdb0941-2507-40de-854a-3efa1784b26", "invalid UUID literal '2bdb0941-2507-40de-854a-3efa1784b26': expected 8-4-4-4-12 hexadecimal digits"),
        ("2bdb0941-2507-40de-854a-3efa1784b26bX", "invalid UUID literal '2bdb0941-2507-40de-854a-3efa1784b26bX': expected 8-4-4-4-12 hexadecimal digits"),
        ("10x", "invalid number '10x'"),
        ("10ms", "invalid duration '10ms'"),
        ("1h30", "invalid duration '1h30'"),
        ("99999999999999999999", "integer literal '99999999999999999999' is too large"),
        ("1e999", "invalid number '1e999'"),
        ("§", "unexpected character '§'"),
        ("#+", "'#' must be followed by a name (an NQL id such as #get_battery_status) or a space (a comment)"),
        (String(repeating: "\"${", count: 40), "nesting is too deep (more than 200 levels)"),
    ]

    @Test(arguments: errorCases)
    func errors(_ source: String, _ message: String) {
        #expect(lexErrors(source).first == message)
        #expect(lexed(source).last == "end")
    }

    /// Short decimals take a fast path of their own (`Lexer.exactDouble`); it must give the value
    /// `strtod` gives, for every length and place of the point it accepts.
    @Test func shortDecimalsReadAsStrtodReadsThem() {
        var generator = SystemRandomNumberGenerator()
        var texts = ["0.0", "0.1", "0.5", "1.25", "999999999999999.9", "0.000000000000001", "123456789012.345",
                     "9007199254740993", "12345678901234567"]
        for _ in 0..<2_000 {
            let digits = String((0..<Int.random(in: 2...15, using: &generator)).map { _ in "0123456789".randomElement(using: &generator)! })
            let point = Int.random(in: 1..<digits.count, using: &generator)
            texts.append(String(digits.prefix(point)) + "." + String(digits.dropFirst(point)))
        }
        for text in texts {
            let value = SourceFile(name: "t", text: text).withBytes { Lexer.double($0, 0, $0.count) }
            #expect(value == Double(text), "\(text)")
        }
    }

    /// Every keyword and command word is reserved, and a word one letter longer or shorter is a name.
    @Test func reservedWordsAndTheirNeighbours() {
        let keywords = Keyword.allCases.map(\.rawValue)
        for word in keywords + CommandTable.firstWords.sorted() {
            #expect(lexed(word).first == "kw:\(word)")
            #expect(lexed(word + "s").first == "id:\(word)s" || (keywords + CommandTable.firstWords).contains(word + "s"))
            #expect(lexed(word + "_long_name").first == "id:\(word)_long_name")
            if word.count > 1, !(keywords + CommandTable.firstWords).contains(String(word.dropLast())) {
                #expect(lexed(String(word.dropLast())).first == "id:\(word.dropLast())")
            }
        }
    }

    /// A word table finds its words (up to 8 bytes packed, longer ones whole), gives the first
    /// meaning of a word listed twice, stays at most half full, and misses everything else.
    @Test func wordTableMatchesExactlyItsWords() {
        let words = (0..<40).map { "w\($0)" } + ["a", "a", "exactly8", "ninebytes", "a_longer_word"]
        let table = WordTable(words.enumerated().map { ($1, $0) })
        #expect(table.wordCount * 2 <= table.size)
        func match(_ word: String) -> Int? {
            Array(word.utf8).withUnsafeBufferPointer { table.match($0, 0, $0.count) }
        }
        for (index, word) in words.enumerated() where word != "a" { #expect(match(word) == index) }
        #expect(match("a") == 40)
        for word in ["b", "w40", "exactly", "exactly88", "ninebyte", "ninebytes_", "a_longer_wor", "w1w"] {
            #expect(match(word) == nil)
        }
        #expect(ReservedWords.table.wordCount * 2 <= ReservedWords.table.size)
    }

    @Test func integersAtTheEdgeOfInt() {
        #expect(lexed("9223372036854775807") == ["int:9223372036854775807", "end"])
        #expect(lexErrors("9223372036854775808") == ["integer literal '9223372036854775808' is too large"])
        #expect(lexed("7.") == ["int:7", ".", "end"])
        #expect(lexed("1e3 90m 12") == ["dbl:1000.0", "dur:5400", "int:12", "end"])
    }

    /// The bitmap behind word scanning says yes to exactly letters, digits and `_`.
    @Test func identifierBytesAreLettersDigitsAndUnderscore() {
        for byte in UInt8.min...UInt8.max {
            let expected = Lexer.isLetter(byte) || Lexer.isDigit(byte) || byte == UInt8(ascii: "_")
            #expect(Lexer.isIdentifierPart(byte) == expected, "byte \(byte)")
        }
    }

    /// The bitmaps of hex digits and of the bytes that end a run of string contents.
    @Test func hexAndStringRunBytes() {
        for byte in UInt8.min...UInt8.max {
            let hex = Lexer.isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
            #expect(Lexer.isHex(byte) == hex, "byte \(byte)")
            #expect(Lexer.endsStringRun(byte) == "\"\\$\n".utf8.contains(byte), "byte \(byte)")
        }
    }

    /// More tokens than the buffer first holds, some let go of on the way, come back in order.
    @Test func tokenBufferGrowsAndLetsGoOfAPrefix() {
        let buffer = TokenBuffer(capacity: 2)
        for offset in 0..<1_000 { buffer.append(Token(kind: .int, span: SourceSpan(start: offset, end: offset + 1))) }
        buffer.removeFirst(300)
        #expect(buffer.count == 700)
        #expect(buffer.all.map(\.span.start) == Array(300..<1_000))
        buffer.removeFirst(700)
        #expect(buffer.all.isEmpty)
    }

    @Test func spansAreByteOffsets() {
        let tokens = Lexer.tokenize(SourceFile(name: "t", text: "é = 1")).tokens
        #expect(tokens.first?.kind == .invalid)
        #expect(tokens.first?.span == SourceSpan(start: 0, end: 2))
        #expect(tokens[1].span == SourceSpan(start: 3, end: 4))
    }
}
