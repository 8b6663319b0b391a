/// Pure text renderings of values. The shell picks one and adds colour if it wants:
/// - `text(_:)` for `print` and `${...}` (strings raw, everything else canonical),
/// - `literal(_:)` for the canonical source form (strings quoted),
/// - `display(_:maxWidth:)` for a shown value (table, key/value block or text),
/// - `table(_:maxWidth:)`, `block(_:)`, `json(_:)` directly.
public enum ValueFormatter {
    /// Nested values deeper than this are written as `…` so hostile data cannot exhaust the stack.
    static let maxNesting = 64

    public static func text(_ value: Value) -> String {
        if case .string(let string) = value { return string }
        return literal(value)
    }

    /// Source form: what you would type to get this value (`"a\n"`, `[1, 2]`, `<id: 1>`, `90m`).
    public static func literal(_ value: Value) -> String {
        literal(value, depth: 0)
    }

    static func literal(_ value: Value, depth: Int) -> String {
        guard depth < maxNesting else { return "…" }
        switch value {
        case .null: return "null"
        case .bool(let bool): return bool ? "true" : "false"
        case .int(let int): return String(int)
        case .double(let double): return number(double)
        case .string(let string): return "\"\(escaped(string))\""
        case .nqlID(let id): return id
        case .uuid(let uuid): return uuid
        case .duration(let seconds): return duration(seconds)
        case .list(let elements):
            return "[" + elements.map { literal($0, depth: depth + 1) }.joined(separator: ", ") + "]"
        case .record(let record):
            return "<" + record.fields.map { "\(key($0.key)): \(literal($0.value, depth: depth + 1))" }
                .joined(separator: ", ") + ">"
        }
    }

    /// Doubles keep a decimal point so they read back as doubles; inf/nan have no literal.
    static func number(_ double: Double) -> String {
        if double.isNaN { return "nan" }
        if double.isInfinite { return double < 0 ? "-inf" : "inf" }
        return "\(double)"
    }

    /// `5400` → `1h30m`; `0` → `0s`.
    public static func duration(_ seconds: Int) -> String {
        if seconds == 0 { return "0s" }
        if seconds < 0 {
            return seconds == Int.min ? "-\(UInt(bitPattern: seconds))s" : "-" + duration(-seconds)
        }
        var rest = seconds
        var text = ""
        for (unit, size) in [("d", 86400), ("h", 3600), ("m", 60), ("s", 1)] where rest >= size {
            text += "\(rest / size)\(unit)"
            rest %= size
        }
        return text
    }

    /// A record key as written in a map literal: bare when it is a plain name.
    static func key(_ key: String) -> String {
        let bytes = Array(key.utf8)
        guard let first = bytes.first, Lexer.isIdentifierStart(first), bytes.allSatisfy(Lexer.isIdentifierPart) else {
            return "\"\(escaped(key))\""
        }
        return key
    }

    /// String contents with the escapes the lexer understands, so the result reads back unchanged.
    static func escaped(_ string: String) -> String {
        var result = ""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "$": result += "\\$"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// What the REPL shows for a top-level value: a table for a list of records, a key/value
    /// block for a record, the literal form for other lists, the text of scalars.
    public static func display(_ value: Value, maxWidth: Int = 120) -> String {
        switch value {
        case .list(let elements) where elements.isEmpty:
            return "(no rows)"
        case .list(let elements):
            let records = elements.compactMap { element -> Record? in
                if case .record(let record) = element { return record }
                return nil
            }
            return records.count == elements.count ? table(records, maxWidth: maxWidth) : literal(value)
        case .record(let record):
            return block(record)
        default:
            return text(value)
        }
    }
}
