extension ValueFormatter {
    static let maxCellWidth = 40
    static let minColumnWidth = 6

    /// Aligned columns: the union of keys in order of first appearance, nested values
    /// summarised, long cells cut with `…`, columns narrowed until the table fits `maxWidth`.
    /// Numeric columns are right-aligned.
    public static func table(_ rows: [Record], maxWidth: Int = 120) -> String {
        if rows.isEmpty { return "(no rows)" }
        var columns: [String] = []
        var known = Set<String>()
        for row in rows {
            for key in row.keys where known.insert(key).inserted { columns.append(key) }
        }
        if columns.isEmpty { return "(\(rows.count) empty record\(rows.count == 1 ? "" : "s"))" }
        let cells = rows.map { row in columns.map { row[$0].map(cell) ?? "" } }
        let numeric = columns.indices.map { column in
            rows.allSatisfy { row in
                switch row[columns[column]] {
                case .int, .double, .null, nil: true
                default: false
                }
            }
        }
        var widths = columns.indices.map { column in
            min(maxCellWidth, max(TerminalText.escape(columns[column], keepingLayout: false).count, cells.map { $0[column].count }.max() ?? 0))
        }
        fit(&widths, into: maxWidth)
        var lines = [line(columns.map { TerminalText.escape($0, keepingLayout: false) }, widths, numeric.map { _ in false })]
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        lines += cells.map { line($0, widths, numeric) }
        return lines.joined(separator: "\n")
    }

    /// Narrows the widest column one character at a time until the row fits or nothing can shrink.
    private static func fit(_ widths: inout [Int], into maxWidth: Int) {
        var total = widths.reduce(0, +) + 2 * (widths.count - 1)
        while total > maxWidth, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
              widths[widest] > minColumnWidth {
            widths[widest] -= 1
            total -= 1
        }
    }

    private static func line(_ cells: [String], _ widths: [Int], _ rightAligned: [Bool]) -> String {
        cells.indices.map { column in
            let text = truncated(cells[column], to: widths[column])
            let padding = String(repeating: " ", count: widths[column] - text.count)
            return rightAligned[column] ? padding + text : text + padding
        }.joined(separator: "  ").trimmingTrailingSpaces
    }

    static func truncated(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
    }

    /// One table cell: scalars as text, lists of scalars inline, other containers summarised.
    /// Line breaks become spaces and controls escapes, so a cell never breaks the layout.
    static func cell(_ value: Value) -> String {
        TerminalText.escape(cellText(value), keepingLayout: false)
    }

    private static func cellText(_ value: Value) -> String {
        switch value {
        case .null: return ""
        case .string(let string):
            return String(string.map { $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
        case .list(let elements) where elements.contains(where: \.isContainer):
            return "[\(elements.count) item\(elements.count == 1 ? "" : "s")]"
        default:
            return literal(value)
        }
    }
}

extension Value {
    var isContainer: Bool {
        switch self {
        case .list, .record: true
        default: false
        }
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = Substring(self)
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
