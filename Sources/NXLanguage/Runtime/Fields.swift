/// Field access and indexing.
enum Fields {
    /// `record.name`. NQL rows use flat dotted keys (`device.name`), so when `name` is missing
    /// but keys start with `name.`, those keys form a nested record: `row.device.name` works.
    static func lookup(_ name: String, in record: Record) -> Value? {
        if let value = record[name] { return value }
        let prefix = name + "."
        let nested = record.fields.filter { $0.key.hasPrefix(prefix) }
        guard !nested.isEmpty else { return nil }
        return .record(Record(nested.map { (String($0.key.dropFirst(prefix.count)), $0.value) }))
    }

    static func field(_ name: String, of value: Value) throws(Message) -> Value {
        guard case .record(let record) = value else { throw Catalog.fieldOnNonRecord(name, type: value.typeName) }
        guard let result = lookup(name, in: record) else {
            throw Catalog.fieldNotFound(name, available: record.keys, suggestion: Suggestions.closest(to: name, in: record.keys))
        }
        return result
    }

    /// A dotted path in a pipeline stage: the whole dotted key first (`"device.name"`), then step by step.
    static func resolve(_ path: FieldPath, in value: Value) -> Value? {
        guard case .record(let record) = value else { return nil }
        if let direct = record[path.text] { return direct }
        var current = Value.record(record)
        for name in path.names {
            guard case .record(let step) = current, let next = lookup(name, in: step) else { return nil }
            current = next
        }
        return current
    }

    static func index(_ container: Value, with index: Value) throws(Message) -> Value {
        switch (container, index) {
        case (.list(let elements), .int(let position)):
            return elements[try offset(position, count: elements.count, kind: "list")]
        case (.string(let text), .int(let position)):
            let characters = Array(text)
            return .string(String(characters[try offset(position, count: characters.count, kind: "string")]))
        case (.record(let record), .string(let key)):
            guard let value = record[key] else {
                throw Catalog.fieldNotFound(key, available: record.keys, suggestion: Suggestions.closest(to: key, in: record.keys))
            }
            return value
        default:
            throw Catalog.cannotIndex(container.typeName, with: index.typeName)
        }
    }

    /// Negative positions count from the end.
    private static func offset(_ position: Int, count: Int, kind: String) throws(Message) -> Int {
        let resolved = position < 0 ? count + position : position
        guard resolved >= 0, resolved < count else { throw Catalog.indexOutOfRange(position, count: count, of: kind) }
        return resolved
    }
}
