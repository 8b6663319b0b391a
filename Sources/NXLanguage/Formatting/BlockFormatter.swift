extension ValueFormatter {
    /// A record as aligned `key: value` lines; nested records and lists of records are indented
    /// below their key (list elements start with `- `).
    public static func block(_ record: Record) -> String {
        if record.isEmpty { return "<>" }
        var lines: [String] = []
        appendBlock(record, indent: "", depth: 0, to: &lines)
        return lines.joined(separator: "\n")
    }

    private static func appendBlock(_ record: Record, indent: String, depth: Int, to lines: inout [String]) {
        let width = (record.keys.map(\.count).max() ?? 0) + 1
        for (key, value) in record.fields {
            let label = indent + key + ":"
            switch value {
            case .record(let nested) where !nested.isEmpty && depth < maxNesting:
                lines.append(label)
                appendBlock(nested, indent: indent + "  ", depth: depth + 1, to: &lines)
            case .list(let elements) where elements.contains(where: \.isContainer) && depth < maxNesting:
                lines.append(label)
                appendList(elements, indent: indent + "  ", depth: depth + 1, to: &lines)
            default:
                let padding = String(repeating: " ", count: width - key.count)
                let continuation = "\n" + String(repeating: " ", count: indent.count + width + 1)
                let text = text(value, depth: depth).split(separator: "\n", omittingEmptySubsequences: false)
                    .joined(separator: continuation)
                lines.append((label + padding + text).trimmingTrailingSpaces)
            }
        }
    }

    private static func appendList(_ elements: ValueList, indent: String, depth: Int, to lines: inout [String]) {
        for element in elements {
            guard case .record(let record) = element, !record.isEmpty else {
                lines.append(indent + "- " + text(element, depth: depth))
                continue
            }
            var nested: [String] = []
            appendBlock(record, indent: "", depth: depth + 1, to: &nested)
            for (offset, line) in nested.enumerated() {
                lines.append(indent + (offset == 0 ? "- " : "  ") + line)
            }
        }
    }

    private static func text(_ value: Value, depth: Int) -> String {
        if case .string(let string) = value { return string }
        return literal(value, depth: depth)
    }
}
