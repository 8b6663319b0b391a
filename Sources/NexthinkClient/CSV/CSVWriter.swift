/// RFC 4180 writer: CRLF after every record, a field quoted only when it holds a comma, a
/// quote or a line break (quotes doubled), or starts or ends with a space (which some
/// readers trim otherwise).
public enum CSVWriter {
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    public static func document(_ records: [[String]]) -> String {
        records.map(record).joined()
    }

    static func field(_ text: String) -> String {
        let needsQuotes = text.utf8.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
            || text.utf8.first == 32 || text.utf8.last == 32
        guard needsQuotes else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}

/// Counts the records of a CSV stream chunk by chunk in constant memory (line breaks inside
/// quoted fields do not end a record; blank lines do not count).
public struct CSVRecordCounter: Sendable {
    private var inQuotes = false
    private var lineHasContent = false
    public private(set) var completeRecords = 0

    public init() {}

    public mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        for byte in bytes {
            if byte == CSVReader.quote {
                inQuotes.toggle()
                lineHasContent = true
            } else if byte == CSVReader.lf, !inQuotes {
                if lineHasContent { completeRecords += 1 }
                lineHasContent = false
            } else if byte != CSVReader.cr {
                lineHasContent = true
            }
        }
    }

    /// Records including a last one without a final line break.
    public var records: Int { completeRecords + (lineHasContent ? 1 : 0) }
}
