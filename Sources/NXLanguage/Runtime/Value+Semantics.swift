extension Value {
    /// The type name used in messages and by `type(x)`.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .int: "int"
        case .double: "decimal"
        case .string: "string"
        case .nqlID: "nql id"
        case .uuid: "uuid"
        case .duration: "duration"
        case .list: "list"
        case .record: "record"
        }
    }

    /// The language's `==`: ints and decimals compare numerically, a UUID equals the same text
    /// as a string (case-insensitively), an NQL id equals its text as a string (`#x` == "#x"),
    /// records compare by keys and values regardless of order.
    func languageEquals(_ other: Value) -> Bool {
        switch (self, other) {
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)): return Double(a) == b
        case (.uuid(let a), .uuid(let b)), (.uuid(let a), .string(let b)), (.string(let a), .uuid(let b)):
            return a.lowercased() == b.lowercased()
        case (.nqlID(let a), .string(let b)), (.string(let a), .nqlID(let b)): return a == b
        case (.list(let a), .list(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.languageEquals($1) }
        case (.record(let a), .record(let b)):
            return a.count == b.count && a.fields.allSatisfy { field in b[field.key].map(field.value.languageEquals) ?? false }
        default: return self == other
        }
    }

    /// Kinds of values that can be ordered against each other.
    enum OrderClass { case number, text, duration, bool }

    var orderClass: OrderClass? {
        switch self {
        case .int, .double: .number
        case .string, .uuid, .nqlID: .text
        case .duration: .duration
        case .bool: .bool
        default: nil
        }
    }

    /// -1, 0 or 1; nil when the two values cannot be ordered (different or unorderable types).
    func compare(to other: Value) -> Int? {
        switch (self, other) {
        case (.int(let a), .int(let b)): return a < b ? -1 : a == b ? 0 : 1
        case (.duration(let a), .duration(let b)): return a < b ? -1 : a == b ? 0 : 1
        case (.bool(let a), .bool(let b)): return a == b ? 0 : (a ? 1 : -1)
        default: break
        }
        if let a = numeric, let b = other.numeric { return a < b ? -1 : a == b ? 0 : 1 }
        if orderClass == .text, other.orderClass == .text, let a = textForOrdering, let b = other.textForOrdering {
            return a < b ? -1 : a == b ? 0 : 1
        }
        return nil
    }

    var numeric: Double? {
        switch self {
        case .int(let int): Double(int)
        case .double(let double): double
        default: nil
        }
    }

    private var textForOrdering: String? {
        switch self {
        case .string(let text), .nqlID(let text): text
        case .uuid(let text): text.lowercased()
        default: nil
        }
    }
}
