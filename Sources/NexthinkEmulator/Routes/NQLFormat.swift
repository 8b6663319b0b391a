#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Response rendering for NQL results: v1 JSON (headers + arrays), v2 JSON (objects) or CSV.
enum NQLFormat {
    case json, csv

    /// Absent or empty Accept means JSON; otherwise the first acceptable media type wins; nil → 406.
    static func negotiate(_ accept: String?) -> NQLFormat? {
        guard let accept, !accept.trimmingPrefix(while: \.isWhitespace).isEmpty else { return .json }
        for item in accept.split(separator: ",") {
            let type = item.split(separator: ";").first.map { String($0).lowercased().filter { !$0.isWhitespace } } ?? ""
            switch type {
            case "application/json", "application/*", "*/*": return .json
            case "text/csv", "text/*": return .csv
            default: continue
            }
        }
        return nil
    }

    static func csv(headers: [String], rows: [[JSONValue]]) -> String {
        rows.reduce(into: csvLine(headers)) { $0 += csvLine($1.map(\.csvText)) }
    }

    /// One CSV record with its line end.
    static func csvLine(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",") + "\n"
    }

    private static func quote(_ field: String) -> String {
        guard needsQuotes(field) else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }

    /// A comma, quote, LF or CR: all ASCII, so memchr finds them on the bytes at memory speed
    /// (a gigabyte export scans every value).
    private static func needsQuotes(_ field: String) -> Bool {
        var field = field
        return field.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return [0x2C, 0x22, 0x0A, 0x0D].contains { memchr(base, $0, bytes.count) != nil }
        }
    }

    /// UTC calendar fields for v1's `executionDateTime` (days-from-civil inverse, Howard Hinnant).
    static func dateTime(_ seconds: Double) -> [String: JSONValue] {
        let total = Int64(seconds.rounded(.down))
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secs = total - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return ["year": .number(Double(year)), "month": .number(Double(month)), "day": .number(Double(day)),
                "hour": .number(Double(secs / 3600)), "minute": .number(Double(secs % 3600 / 60)),
                "second": .number(Double(secs % 60))]
    }
}
