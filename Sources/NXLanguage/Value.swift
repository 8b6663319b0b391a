/// A runtime value. API records (remote actions, run results, NQL rows) are `.record`s so scripts
/// can navigate them with `x.a.b`; the host renders lists of records as tables.
public enum Value: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    /// `#name`: a remote action or saved NQL query id, kept distinct so commands can type-check it.
    /// The payload includes the `#` (`.nqlID("#ExampleRA")`), as the API spells ids.
    case nqlID(String)
    /// A bare 8-4-4-4-12 literal; compares equal to the same text as a string (case-insensitive).
    case uuid(String)
    /// `90m`, `2h`, `7d`, in seconds.
    case duration(seconds: Int)
    /// Its elements, and their places when the host knows where they came from.
    case list(ValueList)
    case record(Record)
}

extension Value {
    /// A string given where a command takes an id, as that id: `#` added when missing (the
    /// language's one place for it; the shell's `NQLID` does the same for text from elsewhere).
    public static func idText(_ text: String) -> String {
        text.hasPrefix("#") ? text : "#" + text
    }
}

/// An insertion-ordered string-keyed map: API field order is kept for display.
public struct Record: Sendable, Equatable {
    public private(set) var keys: [String] = []
    private var storage: [String: Value] = [:]

    public init() {}

    public init(_ pairs: [(String, Value)]) {
        for (key, value) in pairs { self[key] = value }
    }

    public subscript(key: String) -> Value? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// Fields in insertion order.
    public var fields: [(key: String, value: Value)] {
        keys.compactMap { key in storage[key].map { (key, $0) } }
    }
}
