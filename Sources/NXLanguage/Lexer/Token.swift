enum Keyword: String, CaseIterable, Sendable {
    case `let`, `if`, `else`, `for`, `in`, and, or, not, `true`, `false`, null, contains, assert, exit, print
}

enum Symbol: String, Sendable {
    case plus = "+", minus = "-", star = "*", slash = "/", percent = "%"
    case equal = "=", equalEqual = "==", bangEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]", leftBrace = "{", rightBrace = "}"
    case comma = ",", dot = ".", colon = ":", semicolon = ";", pipe = "|"

    /// `==`, `!=`, `<=`, `>=`: the lexer's step, without measuring `rawValue`.
    var isTwoBytes: Bool {
        switch self {
        case .equalEqual, .bangEqual, .lessEqual, .greaterEqual: true
        default: false
        }
    }
}

/// A piece of a string literal: raw text, or the byte range of a `${...}` expression that the
/// parser lexes and parses in place (so its spans stay absolute).
enum StringPart: Sendable, Hashable {
    case text(String)
    case code(SourceSpan)
}

/// What a token is, without its payload: names, numbers and string contents are read from the
/// source bytes when the parser needs them (`Lexer+Payloads`), so a token is a plain value that
/// costs no allocation and no reference counting.
enum TokenKind: Sendable, Hashable {
    case identifier
    case keyword(Keyword)
    /// The first word of a command of `CommandTable`; reserved like a keyword.
    case command
    case int
    case double
    /// `plain`: no escape and no `${...}`, so the contents are the bytes between the quotes.
    case string(plain: Bool)
    case nqlID
    case uuid
    case duration
    case symbol(Symbol)
    case newline
    /// Something the lexer already reported; the parser recovers without a second message.
    case invalid
    case end
}

struct Token: Sendable, Equatable {
    var kind: TokenKind
    var span: SourceSpan

    func isSymbol(_ symbol: Symbol) -> Bool { kind == .symbol(symbol) }
    func isKeyword(_ keyword: Keyword) -> Bool { kind == .keyword(keyword) }
}
