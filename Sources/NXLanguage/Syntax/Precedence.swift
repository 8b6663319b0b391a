/// Binding strength of the binary operators; `not` sits between `and` and the comparisons.
enum Precedence {
    static let or = 1, and = 2, not = 3, comparison = 4, additive = 5, multiplicative = 6
}

extension Parser {
    /// The binary operator a token stands for, matched on the token kind without hashing.
    /// Asked once per operand at every precedence level, so inlined.
    @inline(__always)
    static func binaryOperator(_ kind: TokenKind) -> (BinaryOperator, Int)? {
        switch kind {
        case .keyword(.or): (.or, Precedence.or)
        case .keyword(.and): (.and, Precedence.and)
        case .keyword(.contains): (.contains, Precedence.comparison)
        case .symbol(let symbol): binaryOperator(symbol)
        default: nil
        }
    }

    private static func binaryOperator(_ symbol: Symbol) -> (BinaryOperator, Int)? {
        switch symbol {
        case .equalEqual: (.equal, Precedence.comparison)
        case .bangEqual: (.notEqual, Precedence.comparison)
        case .less: (.less, Precedence.comparison)
        case .lessEqual: (.lessEqual, Precedence.comparison)
        case .greater: (.greater, Precedence.comparison)
        case .greaterEqual: (.greaterEqual, Precedence.comparison)
        case .plus: (.add, Precedence.additive)
        case .minus: (.subtract, Precedence.additive)
        case .star: (.multiply, Precedence.multiplicative)
        case .slash: (.divide, Precedence.multiplicative)
        case .percent: (.remainder, Precedence.multiplicative)
        default: nil
        }
    }
}
