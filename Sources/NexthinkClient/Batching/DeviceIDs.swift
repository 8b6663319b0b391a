/// Device id lists as users hand them over (files of 100,000 lines, pasted lists): trimmed,
/// checked and de-duplicated in one linear pass over the UTF-8 bytes, with no regex or
/// Foundation call per id.
public enum DeviceIDs {
    /// Collector UUIDs: 8-4-4-4-12 hex digits, any case.
    public static func isCollectorUUID(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isCollectorUUID(bytes: $0) }
    }

    static func isCollectorUUID(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 36 else { return false }
        // A plain index loop: `enumerated()` costs generic metadata lookups per byte in
        // debug builds, which made 100,000 ids take seconds.
        var i = 0
        while i < 36 {
            let byte = bytes[i]
            if i == 8 || i == 13 || i == 18 || i == 23 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else if !isHexDigit(byte) {
                return false
            }
            i += 1
        }
        return true
    }

    @inline(__always)
    static func isHexDigit(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 70) || (b >= 97 && b <= 102)
    }

    /// Without leading and trailing ASCII whitespace (what editors and exports add).
    public static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return text }
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end, isSpace(utf8[start]) { start = utf8.index(after: start) }
        while end > start, isSpace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        return String(text[start..<end])
    }

    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool {
        b == 32 || b == 9 || b == 10 || b == 13 || b == 11 || b == 12
    }

    /// The dedupe key of a valid UUID (they compare case-insensitively), nil if `id` is not
    /// one: shape check and case folding in one pass over the bytes.
    static func key(_ id: String) -> String? {
        var id = id
        let lowered: [UInt8]?? = id.withUTF8 { bytes in
            guard isCollectorUUID(bytes: bytes) else { return .none }
            guard bytes.contains(where: { $0 >= 65 && $0 <= 70 }) else { return .some(nil) }
            return .some(bytes.map { $0 >= 65 && $0 <= 70 ? $0 + 32 : $0 })
        }
        switch lowered {
        case .none: return nil
        case .some(nil): return id
        case .some(let bytes?): return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Trims, validates and de-duplicates `items` (nil = an element that is not text at all).
    /// Every invalid element is reported, with its 0-based index; the first occurrence of a
    /// duplicate is kept, in input order.
    public static func normalize(_ items: [String?]) -> DeviceIDList {
        var list = DeviceIDList()
        var seen = Set<String>(minimumCapacity: items.count)
        list.ids.reserveCapacity(items.count)
        for index in items.indices {
            guard let item = items[index] else {
                list.invalid.append(InvalidDeviceID(index: index, value: nil))
                continue
            }
            let id = trimmed(item)
            guard let key = key(id) else {
                list.invalid.append(InvalidDeviceID(index: index, value: id))
                continue
            }
            if seen.insert(key).inserted {
                list.ids.append(CollectorID(checked: id))
            } else {
                list.duplicatesDropped += 1
            }
        }
        return list
    }
}

/// The outcome of `DeviceIDs.normalize`.
public struct DeviceIDList: Sendable, Equatable {
    /// Valid, unique ids in first-seen order, trimmed but otherwise as given.
    public var ids: [CollectorID] = []
    public var duplicatesDropped = 0
    public var invalid: [InvalidDeviceID] = []

    public init(ids: [CollectorID] = [], duplicatesDropped: Int = 0, invalid: [InvalidDeviceID] = []) {
        self.ids = ids
        self.duplicatesDropped = duplicatesDropped
        self.invalid = invalid
    }
}

public struct InvalidDeviceID: Sendable, Hashable {
    /// 0-based position in the list given to `normalize`.
    public var index: Int
    /// The trimmed text, or nil when the element was not text.
    public var value: String?

    public init(index: Int, value: String?) {
        self.index = index
        self.value = value
    }
}
