/// A token's payload, read from the source when the parser needs it. The lexer has already
/// checked the token (a `.int` fits, a `.duration` adds up, a `.string` is well formed), so
/// these read it again without reporting anything.
extension Lexer {
    /// The token's source text: a name, a command word, an NQL ID, a UUID.
    func text(of token: Token) -> String {
        SourceFile.decode(bytes, token.span.start, token.span.end)
    }

    /// Whether the token's text is `word`, compared without building a String.
    /// On the word's UTF-8 buffer, lengths first: most comparisons (a stage name against each
    /// stage word) end there, and iterating a String's `utf8` costs far more than the bytes.
    func token(_ token: Token, is word: String) -> Bool {
        var word = word
        return word.withUTF8 { letters in
            guard letters.count == token.span.end - token.span.start else { return false }
            for offset in 0..<letters.count where letters[offset] != bytes[token.span.start + offset] { return false }
            return true
        }
    }

    /// What the token's text means in `table`, if it is one of its words.
    func word<Meaning>(of token: Token, in table: WordTable<Meaning>) -> Meaning? {
        table.match(bytes, token.span.start, token.span.end)
    }

    func intValue(of token: Token) -> Int {
        Lexer.decimal(bytes, token.span.start, token.span.end) ?? Int.max
    }

    func doubleValue(of token: Token) -> Double {
        Lexer.double(bytes, token.span.start, token.span.end) ?? .infinity
    }

    func durationSeconds(of token: Token) -> Int {
        guard case (.seconds(let seconds), _) = Lexer.scanDuration(bytes, from: token.span.start, end: token.span.end) else {
            return Int.max
        }
        return seconds
    }

    /// The contents of a `.string(plain: true)` token: the bytes between the quotes.
    func plainContents(of token: Token) -> String {
        SourceFile.decode(bytes, token.span.start + 1, token.span.end - 1)
    }

    /// The text and `${...}` parts of a `.string` token, by lexing it again with collection on.
    func stringParts(of token: Token) -> [StringPart] {
        if token.kind == .string(plain: true) {
            let contents = plainContents(of: token)
            return contents.isEmpty ? [] : [.text(contents)]
        }
        var lexer = Lexer(bytes: bytes, start: token.span.start, end: token.span.end)
        lexer.decodedParts = []
        lexer.lexString()
        return lexer.decodedParts ?? []
    }
}
