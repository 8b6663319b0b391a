/// A failure inside a built-in function; `argument` (0-based) lets the caller point at it.
struct BuiltinError: Error {
    var message: Message
    var argument: Int?
}

typealias Builtin = @Sendable (_ arguments: [Value]) throws(BuiltinError) -> Value

/// Pure core functions. The host adds its own (I/O such as `read`, the clock `now`).
enum Builtins {
    static let rangeLimit = 1_000_000

    static func function(named name: String) -> Builtin? { table[name] }
    static var names: [String] { table.keys.sorted() }

    private static let table: [String: Builtin] = [
        "count": { args throws(BuiltinError) in try .int(length("count", args)) },
        "len": { args throws(BuiltinError) in try .int(length("len", args)) },
        "keys": { args throws(BuiltinError) in
            try .list(Arguments("keys", args, 1).record(0).keys.map(Value.string))
        },
        "values": { args throws(BuiltinError) in
            try .list(Arguments("values", args, 1).record(0).fields.map(\.value))
        },
        "upper": { args throws(BuiltinError) in try .string(Arguments("upper", args, 1).string(0).uppercased()) },
        "lower": { args throws(BuiltinError) in try .string(Arguments("lower", args, 1).string(0).lowercased()) },
        "trim": { args throws(BuiltinError) in
            try .string(String(Arguments("trim", args, 1).string(0).trimmingWhitespace))
        },
        "split": split,
        "join": join,
        "contains": { args throws(BuiltinError) in
            let arguments = try Arguments("contains", args, 2)
            do throws(Message) {
                return .bool(try Operators.contains(args[0], args[1]))
            } catch {
                throw BuiltinError(message: Catalog.argumentType(
                    arguments.name, position: 1, expected: "a string, list or record", got: args[0].typeName), argument: 0)
            }
        },
        "str": { args throws(BuiltinError) in
            _ = try Arguments("str", args, 1)
            return .string(ValueFormatter.text(args[0]))
        },
        "int": toInt,
        "json": { args throws(BuiltinError) in
            _ = try Arguments("json", args, 1)
            return .string(ValueFormatter.json(args[0]))
        },
        "type": { args throws(BuiltinError) in
            _ = try Arguments("type", args, 1)
            return .string(args[0].typeName)
        },
        "unique": unique,
        "sort": { args throws(BuiltinError) in
            let list = try Arguments("sort", args, 1).list(0)
            do throws(Message) {
                return .list(list.picking(try Sorting.order(of: list)))
            } catch {
                throw BuiltinError(message: error, argument: 0)
            }
        },
        "range": range,
        "sum": sum,
        "min": { args throws(BuiltinError) in try extreme("min", args, wantLess: true) },
        "max": { args throws(BuiltinError) in try extreme("max", args, wantLess: false) },
    ]

    private static func length(_ name: String, _ args: [Value]) throws(BuiltinError) -> Int {
        _ = try Arguments(name, args, 1)
        switch args[0] {
        case .list(let elements): return elements.count
        case .record(let record): return record.count
        case .string(let text): return text.count
        default:
            throw BuiltinError(message: Catalog.argumentType(name, position: 1, expected: "a list, record or string",
                                                             got: args[0].typeName), argument: 0)
        }
    }

    private static func split(_ args: [Value]) throws(BuiltinError) -> Value {
        let arguments = try Arguments("split", args, 1...2)
        let text = try arguments.string(0)
        guard args.count == 2 else {
            return .list(text.split(whereSeparator: \.isWhitespace).map { .string(String($0)) })
        }
        let separator = try arguments.string(1)
        guard !separator.isEmpty else {
            throw BuiltinError(message: Catalog.argumentType("split", position: 2, expected: "a non-empty string",
                                                             got: "an empty string"), argument: 1)
        }
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        do throws(Message) {
            try Limits.checkList(count: parts.count)
        } catch {
            throw BuiltinError(message: error, argument: 0)
        }
        return .list(parts.map { .string(String($0)) })
    }

    private static func join(_ args: [Value]) throws(BuiltinError) -> Value {
        let arguments = try Arguments("join", args, 1...2)
        let list = try arguments.list(0)
        let separator = args.count == 2 ? try arguments.string(1) : ""
        // Elements may share one large string, so the size is checked before it is built.
        var bytes = 0
        let texts = list.map(ValueFormatter.text)
        for text in texts { bytes += text.utf8.count + separator.utf8.count }
        do throws(Message) {
            try Limits.checkString(bytes: bytes)
        } catch {
            throw BuiltinError(message: error, argument: 0)
        }
        return .string(texts.joined(separator: separator))
    }

    private static func toInt(_ args: [Value]) throws(BuiltinError) -> Value {
        _ = try Arguments("int", args, 1)
        switch args[0] {
        case .int: return args[0]
        case .bool(let bool): return .int(bool ? 1 : 0)
        case .duration(let seconds): return .int(seconds)
        case .double(let double):
            guard double.isFinite, double > -9.3e18, double < 9.3e18, let int = Int(exactly: double.rounded(.towardZero)) else {
                throw BuiltinError(message: Catalog.conversion(ValueFormatter.number(double), to: "int"), argument: 0)
            }
            return .int(int)
        case .string(let text):
            guard let int = Int(text.trimmingWhitespace) else {
                throw BuiltinError(message: Catalog.conversion(text, to: "int"), argument: 0)
            }
            return .int(int)
        default:
            throw BuiltinError(message: Catalog.argumentType("int", position: 1, expected: "a string, number, bool or duration",
                                                             got: args[0].typeName), argument: 0)
        }
    }

    private static func unique(_ args: [Value]) throws(BuiltinError) -> Value {
        let list = try Arguments("unique", args, 1).list(0)
        return .list(list.picking(UniqueBucket.firsts(of: list)))
    }

    private static func range(_ args: [Value]) throws(BuiltinError) -> Value {
        let arguments = try Arguments("range", args, 1...2)
        let low = args.count == 2 ? try arguments.int(0) : 0
        let high = try arguments.int(args.count - 1)
        guard high > low else { return .list([]) }
        let count = high.subtractingReportingOverflow(low)
        guard !count.overflow, count.partialValue <= rangeLimit else {
            throw BuiltinError(message: Catalog.rangeTooLarge(count.overflow ? Int.max : count.partialValue), argument: nil)
        }
        return .list((low..<high).map(Value.int))
    }

    private static func sum(_ args: [Value]) throws(BuiltinError) -> Value {
        let list = try Arguments("sum", args, 1).list(0)
        var total = Value.int(0)
        for element in list {
            do throws(Message) {
                total = try Operators.binary(.add, total, element)
            } catch {
                throw BuiltinError(message: error, argument: 0)
            }
        }
        return total
    }

    private static func extreme(_ name: String, _ args: [Value], wantLess: Bool) throws(BuiltinError) -> Value {
        let list = try Arguments(name, args, 1).list(0)
        guard var best = list.first else { return .null }
        for element in list.dropFirst() {
            guard let order = element.compare(to: best) else {
                throw BuiltinError(message: Catalog.sortMixed(best.typeName, element.typeName), argument: 0)
            }
            if wantLess ? order < 0 : order > 0 { best = element }
        }
        return best
    }
}

extension String {
    var trimmingWhitespace: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? endIndex
        return start < end ? self[start..<end] : ""
    }
}
