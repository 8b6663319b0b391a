/// One record of a CSV file with the 1-based file line it starts on, so errors about it can
/// say `teams.csv:14`.
public struct CSVRecord: Sendable, Hashable {
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

public struct CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    public var source: String
    public var line: Int
    public var message: String

    public init(source: String, line: Int, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    public var description: String { "\(source):\(line): \(message)" }
}

/// RFC 4180 reader: fields separated by commas, records by CRLF (LF or a lone CR accepted),
/// quoted fields may hold commas, quotes (doubled) and line breaks. UTF-8, with or without
/// a byte order mark. Strict about malformed quoting, since a silently mis-split row would
/// enrich or delete the wrong object. Blank lines are skipped.
public enum CSVReader {
    public static func records(_ bytes: [UInt8], source: String) throws(CSVError) -> [CSVRecord] {
        var parser = Parser(source: source)
        let result: Result<[CSVRecord], CSVError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(CSVError) {
                return .success(try parser.parse(buffer))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private struct Parser {
        let source: String
        var line = 1
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var recordLine = 1

        init(source: String) { self.source = source }

        mutating func parse(_ b: UnsafeBufferPointer<UInt8>) throws(CSVError) -> [CSVRecord] {
            var i = b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
            while i < b.count {
                if b[i] == quote {
                    i = try quoted(b, from: i + 1)
                } else {
                    i = try unquoted(b, from: i)
                }
                i = try separator(b, at: i)
            }
            return records
        }

        /// Reads up to the next comma or line break; a quote in it is malformed.
        mutating func unquoted(_ b: UnsafeBufferPointer<UInt8>, from start: Int) throws(CSVError) -> Int {
            var i = start
            while i < b.count, b[i] != comma, b[i] != lf, b[i] != cr {
                if b[i] == quote {
                    throw fail(line, "a quote inside an unquoted field; put the whole field in quotes and double the quote (\"\")")
                }
                i += 1
            }
            field.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
            return i
        }

        mutating func quoted(_ b: UnsafeBufferPointer<UInt8>, from start: Int) throws(CSVError) -> Int {
            let opened = line
            var i = start
            while i < b.count {
                switch b[i] {
                case quote where i + 1 < b.count && b[i + 1] == quote:
                    field.append(quote)
                    i += 2
                case quote:
                    i += 1
                    if i < b.count, b[i] != comma, b[i] != lf, b[i] != cr {
                        throw fail(line, "text after the closing quote of a field; double a quote inside a quoted field (\"\")")
                    }
                    return i
                case lf:
                    line += 1
                    field.append(lf)
                    i += 1
                case cr:
                    // CRLF inside a field counts as one line break.
                    if i + 1 >= b.count || b[i + 1] != lf { line += 1 }
                    field.append(cr)
                    i += 1
                default:
                    field.append(b[i])
                    i += 1
                }
            }
            throw fail(opened, "a quoted field opened here is never closed; add the closing quote")
        }

        /// After a field: a comma starts the next one, a line break or the end closes the record.
        mutating func separator(_ b: UnsafeBufferPointer<UInt8>, at index: Int) throws(CSVError) -> Int {
            try endField()
            guard index < b.count else {
                endRecord()
                return index
            }
            if b[index] == comma {
                // A trailing comma means one more, empty, field.
                if index + 1 == b.count { fields.append("") ; endRecord() }
                return index + 1
            }
            var next = index + 1
            if b[index] == cr, next < b.count, b[next] == lf { next += 1 }
            endRecord()
            line += 1
            recordLine = line
            return next
        }

        mutating func endField() throws(CSVError) {
            guard let text = String(validating: field, as: UTF8.self) else {
                throw fail(line, "not valid UTF-8 text; save the file as UTF-8")
            }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
        }

        mutating func endRecord() {
            defer { fields.removeAll() }
            if fields.count == 1, fields[0].isEmpty { return }
            records.append(CSVRecord(line: recordLine, fields: fields))
        }

        func fail(_ line: Int, _ message: String) -> CSVError {
            CSVError(source: source, line: line, message: message)
        }
    }

    static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf = UInt8(10), cr = UInt8(13)
}
