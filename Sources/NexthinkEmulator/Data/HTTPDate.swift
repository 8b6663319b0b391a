/// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) for `Retry-After` dates.
enum HTTPDate {
    static func format(_ seconds: Double) -> String {
        let fields = NQLFormat.dateTime(seconds)
        func n(_ key: String) -> Int { if case .number(let v)? = fields[key] { Int(v) } else { 0 } }
        let days = Int((seconds / 86_400).rounded(.down))
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((days % 7) + 7) % 7]
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][n("month") - 1]
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(weekday), \(two(n("day"))) \(month) \(n("year")) \(two(n("hour"))):\(two(n("minute"))):\(two(n("second"))) GMT"
    }
}
