/// Parses the three date formats HTTP allows (RFC 9110 §5.6.7) into seconds since 1970,
/// without DateFormatter (which would pull in full Foundation and locale data):
///   IMF-fixdate  `Sun, 06 Nov 1994 08:49:37 GMT`
///   RFC 850      `Sunday, 06-Nov-94 08:49:37 GMT`
///   asctime      `Sun Nov  6 08:49:37 1994`
enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun",
                                 "jul", "aug", "sep", "oct", "nov", "dec"]

    static func epochSeconds(_ text: String) -> Int? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" }).map(String.init)
        if parts.count == 6, parts[5].uppercased() == "GMT" {
            // IMF-fixdate or RFC 850: weekday day month year time GMT
            guard var year = Int(parts[3]) else { return nil }
            if parts[3].count == 2 { year += year < 70 ? 2000 : 1900 }
            return build(day: parts[1], month: parts[2], year: year, time: parts[4])
        }
        if parts.count == 5, let year = Int(parts[4]) {
            // asctime: weekday month day time year
            return build(day: parts[2], month: parts[1], year: year, time: parts[3])
        }
        return nil
    }

    private static func build(day: String, month: String, year: Int, time: String) -> Int? {
        guard let d = Int(day), (1...31).contains(d),
              let m = months.firstIndex(of: month.lowercased()),
              (1970...9999).contains(year) else { return nil }
        let hms = time.split(separator: ":").compactMap { Int($0) }
        guard hms.count == 3, (0...23).contains(hms[0]), (0...59).contains(hms[1]), (0...60).contains(hms[2])
        else { return nil }
        return daysFromCivil(year: year, month: m + 1, day: d) * 86_400 + hms[0] * 3600 + hms[1] * 60 + hms[2]
    }

    /// Howard Hinnant's days_from_civil: proleptic Gregorian date to days since 1970-01-01.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

public enum RetryAfter {
    /// How long a `Retry-After` header asks us to wait: delta-seconds or an HTTP date
    /// (relative to `now`, seconds since 1970). A date in the past means "now"; garbage means
    /// the header is ignored (nil).
    public static func parse(_ value: String, now: Double) -> Duration? {
        let v = value.trimmingWhitespace()
        if !v.isEmpty, v.allSatisfy(\.isASCII), v.allSatisfy(\.isNumber) {
            // Huge values saturate instead of overflowing; the policy caps the wait anyway.
            return .seconds(Int(v) ?? Int(Int32.max))
        }
        guard let at = HTTPDate.epochSeconds(v) else { return nil }
        return .milliseconds(Int64(max(0, (Double(at) - now) * 1000)))
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars.drop(while: { $0 == " " || $0 == "\t" })
        return String(String.UnicodeScalarView(scalars.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed()))
    }
}
