/// Reading typed fields out of a request body with an error that names the rule broken (the
/// message is all a user of the API sees). `null` means absent, as Jackson-based services do.
struct JSONFields {
    let fields: [String: JSONValue]

    static func object(_ body: some Collection<UInt8>, schema: String) throws(ValidationError) -> JSONFields {
        guard let json = try? JSONValue.parse(body) else {
            throw "request body must be a JSON object (\(schema)); it is not valid JSON"
        }
        guard case .object(let fields) = json else { throw "request body must be a JSON object (\(schema)), not \(json.typeName)" }
        return JSONFields(fields: fields)
    }

    func value(_ name: String) -> JSONValue? {
        fields[name].flatMap { $0 == .null ? nil : $0 }
    }

    func requiredString(_ name: String, example: String) throws(ValidationError) -> String {
        guard let value = value(name) else { throw "\(name) is required, e.g. \"\(example)\"" }
        guard let s = value.stringValue else { throw "\(name) must be a string, not \(value.typeName)" }
        guard !s.isEmpty else { throw "\(name) must not be empty" }
        return s
    }

    /// An array of at most `max` items (absent = empty).
    func array(_ name: String, max: Int, of what: String) throws(ValidationError) -> [JSONValue] {
        guard let value = value(name) else { return [] }
        guard case .array(let items) = value else { throw "\(name) must be an array of \(what), not \(value.typeName)" }
        guard items.count <= max else {
            throw "\(name) has \(items.count) entries; at most \(max) are allowed per call (split into batches)"
        }
        return items
    }

    /// An object of string values with at most `max` entries (absent = empty).
    func stringMap(_ name: String, max: Int = .max) throws(ValidationError) -> [String: String] {
        guard let value = value(name) else { return [:] }
        guard case .object(let entries) = value else { throw "\(name) must be an object of name to string value, not \(value.typeName)" }
        guard entries.count <= max else { throw "\(name) has \(entries.count) entries; at most \(max) are allowed" }
        var out: [String: String] = [:]
        for (key, v) in entries.sorted(by: { $0.key < $1.key }) {
            guard let s = v.stringValue else { throw "\(name).\(key) must be a string, not \(v.typeName) (quote it)" }
            out[key] = s
        }
        return out
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws(ValidationError) -> Int? {
        guard let value = value(name) else { return nil }
        guard case .number(let n) = value, n == n.rounded(), abs(n) < 1e9 else {
            throw "\(name) must be an integer (\(range.lowerBound) to \(range.upperBound))"
        }
        guard range.contains(Int(n)) else { throw "\(name) is \(Int(n)); it must be between \(range.lowerBound) and \(range.upperBound)" }
        return Int(n)
    }
}

/// The spec's identifier patterns.
enum IdentifierShape {
    /// `^S(-\d+){2,10}$|^0$`
    static func isSID(_ s: String) -> Bool {
        if s == "0" { return true }
        guard s.hasPrefix("S-") else { return false }
        let parts = s.dropFirst(2).split(separator: "-", omittingEmptySubsequences: false)
        return (2...10).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// `^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}$`
    static func isUPN(_ s: String) -> Bool {
        let halves = s.split(separator: "@", omittingEmptySubsequences: false)
        guard halves.count == 2, !halves[0].isEmpty,
              halves[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._%+-".contains($0)) }),
              halves[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-".contains($0)) }),
              let dot = halves[1].lastIndex(of: ".") else { return false }
        let head = halves[1][..<dot], tld = halves[1][halves[1].index(after: dot)...]
        return !head.isEmpty && tld.count >= 2 && tld.allSatisfy(\.isLetter)
    }
}
