extension Builtins {
    /// How many arguments each built-in takes, for the resolver's early check. A test calls
    /// every built-in with each count to keep this in step with the functions themselves.
    static let arity: [String: ClosedRange<Int>] = {
        var table = Dictionary(uniqueKeysWithValues: names.map { ($0, 1...1) })
        for name in ["split", "join", "range"] { table[name] = 1...2 }
        table["contains"] = 2...2
        return table
    }()
}

extension Vocabulary {
    /// How many arguments a built-in function takes (for signatures in editors).
    public static func functionArity(_ name: String) -> ClosedRange<Int>? { Builtins.arity[name] }
}
