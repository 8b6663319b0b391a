extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return String(s)
    }

    /// Whether `other` occurs in the text. Not `contains(_:)`: TOMLKit makes Foundation's
    /// `StringProtocol.contains` visible, overload resolution prefers it, and one call links
    /// full Foundation and ICU into nxsh (docs/benchmarks.md, start-up).
    func includes(_ other: String) -> Bool {
        firstRange(of: other) != nil
    }

    /// Spaces added up to `width` characters (a column of a plain-text table).
    func padded(to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
