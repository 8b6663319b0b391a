#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// JSONDecoder forgets the order of object keys, but NQL v2 rows are objects whose key order
/// is the query's `list` order — the column order users expect. This scanner recovers it:
/// the keys of the objects in a top-level `data` array, in first-seen order.
struct JSONKeyOrder {
    private struct Malformed: Error {}
    private let bytes: [UInt8]
    private var i = 0

    static func dataRowKeys(_ bytes: [UInt8]) -> [String] {
        var scanner = JSONKeyOrder(bytes: bytes)
        var keys: [String] = []
        var seen: Set<String> = []
        do {
            try scanner.members { s, key in
                guard key == "data", s.peek() == UInt8(ascii: "[") else { return try s.skipValue() }
                try s.elements { s in
                    guard s.peek() == UInt8(ascii: "{") else { return try s.skipValue() }
                    try s.members { s, field in
                        if seen.insert(field).inserted { keys.append(field) }
                        try s.skipValue()
                    }
                }
            }
        } catch {
            return []
        }
        return keys
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func peek() -> UInt8? {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        return i < bytes.count ? bytes[i] : nil
    }

    private mutating func expect(_ c: Character) throws {
        guard peek() == c.asciiValue else { throw Malformed() }
        i += 1
    }

    /// Calls `body` for each key of an object, positioned at its value.
    private mutating func members(_ body: (inout JSONKeyOrder, String) throws -> Void) throws {
        try expect("{")
        if peek() == UInt8(ascii: "}") { i += 1; return }
        repeat {
            let key = try string()
            try expect(":")
            try body(&self, key)
        } while try comma(closing: "}")
    }

    private mutating func elements(_ body: (inout JSONKeyOrder) throws -> Void) throws {
        try expect("[")
        if peek() == UInt8(ascii: "]") { i += 1; return }
        repeat { try body(&self) } while try comma(closing: "]")
    }

    private mutating func comma(closing: Character) throws -> Bool {
        if peek() == UInt8(ascii: ",") { i += 1; return true }
        try expect(closing)
        return false
    }

    private mutating func string() throws -> String {
        guard peek() == UInt8(ascii: "\"") else { throw Malformed() }
        let start = i
        i += 1
        while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
            i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
        }
        guard i < bytes.count else { throw Malformed() }
        i += 1
        // Escapes are rare in field names; let the real decoder handle them.
        return try JSONDecoder().decode(String.self, from: Data(bytes[start..<i]))
    }

    private mutating func skipValue() throws {
        switch peek() {
        case UInt8(ascii: "{"): try members { s, _ in try s.skipValue() }
        case UInt8(ascii: "["): try elements { s in try s.skipValue() }
        case UInt8(ascii: "\""): _ = try string()
        case nil: throw Malformed()
        default:
            let start = i
            while i < bytes.count, !Array(",}] \t\r\n".utf8).contains(bytes[i]) { i += 1 }
            if i == start { throw Malformed() }
        }
    }
}
