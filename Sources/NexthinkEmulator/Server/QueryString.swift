/// `a=1&b=%23x` parsing for URL queries and form bodies (where `+` also means a space).
/// First occurrence of a name wins, as most servers do.
struct QueryString: Sequence {
    private(set) var pairs: [(name: String, value: String)] = []

    init(_ raw: String?, plusIsSpace: Bool = false) {
        guard let raw, !raw.isEmpty else { return }
        for item in raw.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0], plusIsSpace: plusIsSpace)
            let value = parts.count > 1 ? Self.decode(parts[1], plusIsSpace: plusIsSpace) : ""
            pairs.append((name, value))
        }
    }

    subscript(_ name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    func makeIterator() -> some IteratorProtocol<(name: String, value: String)> {
        pairs.makeIterator()
    }

    /// Invalid escapes are kept literally; invalid UTF-8 becomes U+FFFD.
    static func decode(_ s: Substring, plusIsSpace: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var bytes = s.utf8[...]
        while let byte = bytes.popFirst() {
            if byte == UInt8(ascii: "%"), bytes.count >= 2,
               let hi = hexValue(bytes[bytes.startIndex]), let lo = hexValue(bytes[bytes.index(after: bytes.startIndex)]) {
                out.append(hi << 4 | lo)
                bytes = bytes.dropFirst(2)
            } else if byte == UInt8(ascii: "+"), plusIsSpace {
                out.append(UInt8(ascii: " "))
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: c - 48
        case 65...70: c - 55
        case 97...102: c - 87
        default: nil
        }
    }
}
