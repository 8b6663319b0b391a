/// Arithmetic, comparison and `contains`. Integer overflow, decimal overflow (infinity), NaN and
/// values past `Limits` are reported, never trapped or silently produced.
enum Operators {
    static func unary(_ op: UnaryOperator, _ value: Value) throws(Message) -> Value {
        switch (op, value) {
        case (.negate, .int(let int)):
            guard int != Int.min else { throw Catalog.integerOverflow("-") }
            return .int(-int)
        case (.negate, .double(let double)): return .double(-double)
        case (.negate, .duration(let seconds)):
            guard seconds != Int.min else { throw Catalog.integerOverflow("-") }
            return .duration(seconds: -seconds)
        case (.not, .bool(let bool)): return .bool(!bool)
        default: throw Catalog.unaryMismatch(op.rawValue, value.typeName)
        }
    }

    static func binary(_ op: BinaryOperator, _ left: Value, _ right: Value) throws(Message) -> Value {
        switch op {
        case .add: return try add(left, right)
        case .subtract, .multiply, .divide, .remainder: return try arithmetic(op, left, right)
        case .equal: return .bool(left.languageEquals(right))
        case .notEqual: return .bool(!left.languageEquals(right))
        case .less, .lessEqual, .greater, .greaterEqual:
            guard let order = left.compare(to: right), left.orderClass != .bool else {
                throw Catalog.typeMismatch(op.rawValue, left.typeName, right.typeName)
            }
            return .bool(op == .less ? order < 0 : op == .lessEqual ? order <= 0 : op == .greater ? order > 0 : order >= 0)
        case .contains: return .bool(try contains(left, right))
        case .and, .or: throw Catalog.typeMismatch(op.rawValue, left.typeName, right.typeName)
        }
    }

    static func contains(_ container: Value, _ element: Value) throws(Message) -> Bool {
        switch (container, element) {
        case (.string(let text), .string(let part)): return part.isEmpty || text.contains(part)
        case (.list(let elements), _): return elements.contains { $0.languageEquals(element) }
        case (.record(let record), .string(let key)): return record[key] != nil
        default: throw Catalog.typeMismatch("contains", container.typeName, element.typeName)
        }
    }

    private static func add(_ left: Value, _ right: Value) throws(Message) -> Value {
        switch (left, right) {
        case (.string(let a), .string(let b)):
            try Limits.checkString(bytes: a.utf8.count + b.utf8.count)
            return .string(a + b)
        case (.list(let a), .list(let b)):
            try Limits.checkList(count: a.count + b.count)
            return .list(a + b)
        case (.record(let a), .record(let b)):
            var merged = a
            for (key, value) in b.fields { merged[key] = value }
            return .record(merged)
        case (.duration(let a), .duration(let b)): return .duration(seconds: try checked("+", a.addingReportingOverflow(b)))
        default: return try arithmetic(.add, left, right)
        }
    }

    private static func arithmetic(_ op: BinaryOperator, _ left: Value, _ right: Value) throws(Message) -> Value {
        switch (left, right) {
        case (.int(let a), .int(let b)): return .int(try integer(op, a, b))
        case (.duration(let a), .duration(let b)) where op == .subtract:
            return .duration(seconds: try checked("-", a.subtractingReportingOverflow(b)))
        case (.duration(let a), .int(let b)) where op == .multiply || op == .divide:
            return .duration(seconds: try integer(op, a, b))
        case (.int(let a), .duration(let b)) where op == .multiply:
            return .duration(seconds: try checked("*", a.multipliedReportingOverflow(by: b)))
        default:
            guard let a = left.numeric, let b = right.numeric else {
                throw Catalog.typeMismatch(op.rawValue, left.typeName, right.typeName)
            }
            let result = try decimal(op, a, b)
            guard result.isFinite else { throw Catalog.notFinite(op.rawValue, result) }
            return .double(result)
        }
    }

    private static func integer(_ op: BinaryOperator, _ a: Int, _ b: Int) throws(Message) -> Int {
        switch op {
        case .add: return try checked("+", a.addingReportingOverflow(b))
        case .subtract: return try checked("-", a.subtractingReportingOverflow(b))
        case .multiply: return try checked("*", a.multipliedReportingOverflow(by: b))
        case .divide:
            guard b != 0 else { throw Catalog.divisionByZero() }
            return try checked("/", a.dividedReportingOverflow(by: b))
        default:
            guard b != 0 else { throw Catalog.divisionByZero() }
            return try checked("%", a.remainderReportingOverflow(dividingBy: b))
        }
    }

    private static func decimal(_ op: BinaryOperator, _ a: Double, _ b: Double) throws(Message) -> Double {
        switch op {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide:
            guard b != 0 else { throw Catalog.divisionByZero() }
            return a / b
        default:
            guard b != 0 else { throw Catalog.divisionByZero() }
            return a.truncatingRemainder(dividingBy: b)
        }
    }

    private static func checked(_ op: String, _ result: (partialValue: Int, overflow: Bool)) throws(Message) -> Int {
        guard !result.overflow else { throw Catalog.integerOverflow(op) }
        return result.partialValue
    }
}
