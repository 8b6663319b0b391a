enum Keyword: String, CaseIterable, Sendable {
    case `let`, `if`, `else`, `for`, `in`, and, or, not, `true`, `false`, null, contains, assert, exit, print
}

enum Symbol: String, Sendable {
    case plus = "+", minus = "-", star = "*", slash = "/", percent = "%"
    case equal = "=", equalEqual = "==", bangEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]", leftBrace = "{", rightBrace = "}"
    case comma = ",", dot = ".", colon = ":", semicolon = ";", pipe = "|"
}

/// A piece of a string literal: raw text, or the byte range of a `${...}` expression that the
/// parser lexes and parses in place (so its spans stay absolute).
enum StringPart: Sendable, Hashable {
    case text(String)
    case code(SourceSpan)
}

enum TokenKind: Sendable, Hashable {
    case identifier(String)
    case keyword(Keyword)
    /// The first word of a command of `CommandTable`; reserved like a keyword.
    case command(String)
    case int(Int)
    case double(Double)
    case string([StringPart])
    case nqlID(String)
    case uuid(String)
    case duration(Int)
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

    /// How the token is named in "expected ..., found X" messages.
    var description: String {
        switch kind {
        case .identifier(let name): "'\(name)'"
        case .keyword(let keyword): "'\(keyword.rawValue)'"
        case .command(let word): "'\(word)'"
        case .int, .double: "a number"
        case .string: "a string"
        case .nqlID(let id): "'\(id)'"
        case .uuid: "a UUID"
        case .duration: "a duration"
        case .symbol(let symbol): "'\(symbol.rawValue)'"
        case .newline: "end of line"
        case .invalid: "an invalid token"
        case .end: "end of input"
        }
    }
}
