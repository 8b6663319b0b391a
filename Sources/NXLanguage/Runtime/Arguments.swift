/// Argument checking for built-ins, with messages that name the function and the position.
struct Arguments {
    let name: String
    let values: [Value]

    init(_ name: String, _ values: [Value], _ count: Int) throws(BuiltinError) {
        try self.init(name, values, count...count)
    }

    init(_ name: String, _ values: [Value], _ counts: ClosedRange<Int>) throws(BuiltinError) {
        self.name = name
        self.values = values
        guard counts.contains(values.count) else {
            throw BuiltinError(message: Catalog.argumentCount(name, expected: Arguments.expected(counts), got: values.count),
                               argument: nil)
        }
    }

    /// "1 argument", "1 or 2 arguments": shared with the resolver, which checks counts early.
    static func expected(_ counts: ClosedRange<Int>) -> String {
        counts.count == 1
            ? "\(counts.lowerBound) argument\(counts.lowerBound == 1 ? "" : "s")"
            : "\(counts.lowerBound) or \(counts.upperBound) arguments"
    }

    func string(_ index: Int) throws(BuiltinError) -> String {
        if case .string(let text) = values[index] { return text }
        throw mismatch(index, "a string")
    }

    func list(_ index: Int) throws(BuiltinError) -> ValueList {
        if case .list(let elements) = values[index] { return elements }
        throw mismatch(index, "a list")
    }

    func record(_ index: Int) throws(BuiltinError) -> Record {
        if case .record(let record) = values[index] { return record }
        throw mismatch(index, "a record")
    }

    func int(_ index: Int) throws(BuiltinError) -> Int {
        if case .int(let int) = values[index] { return int }
        throw mismatch(index, "an int")
    }

    private func mismatch(_ index: Int, _ expected: String) -> BuiltinError {
        BuiltinError(message: Catalog.argumentType(name, position: index + 1, expected: expected, got: values[index].typeName),
                     argument: index)
    }
}
