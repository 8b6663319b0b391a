/// The hash bucket of a value for `unique`: values that are `languageEquals` always share one
/// (ints and decimals by numeric value, text case-insensitively), hashed without formatting.
enum UniqueBucket {
    case null
    case bool(Bool)
    case number(Double)
    case duration(Int)
    case text(String)
    case list(count: Int)
    case record(count: Int)

    init(_ value: Value) {
        switch value {
        case .null: self = .null
        case .bool(let bool): self = .bool(bool)
        case .int(let int): self = .number(Double(int))
        case .double(let double): self = .number(double == 0 ? 0 : double)
        case .duration(let seconds): self = .duration(seconds)
        case .string(let text), .uuid(let text), .nqlID(let text): self = .text(text.lowercased())
        case .list(let elements): self = .list(count: elements.count)
        case .record(let record): self = .record(count: record.count)
        }
    }

    /// Equal buckets give equal hashes; the multiplication spreads the bits towards the top,
    /// which `firsts(of:)` uses as the table position. Only text goes through `Hasher`.
    var hash: UInt64 {
        let raw: UInt64 = switch self {
        case .null: 0x6A09_E667
        case .bool(let bool): bool ? 0xBB67_AE85 : 0x3C6E_F372
        case .number(let double): double.bitPattern
        case .duration(let seconds): UInt64(bitPattern: Int64(seconds)) ^ 0xA54F_F53A_5F1D_36F1
        case .text(let text): UInt64(bitPattern: Int64(text.hashValue))
        case .list(let count): UInt64(count) ^ 0x510E_527F_ADE6_82D1
        case .record(let count): UInt64(count) ^ 0x9B05_688C_2B3E_6C1F
        }
        return raw &* 0x9E37_79B9_7F4A_7C15
    }

    /// The offset of the first of each group of equal values, in order (so the list keeps their
    /// places). `languageEquals` decides within a bucket (it is not transitive: a UUID equals
    /// both "ABC…" and "abc…", which differ), so a value is compared with every kept value of
    /// its hash. The table is open addressing over indices into the result: a `Dictionary`
    /// hashed each key with SipHash, most of the time.
    static func firsts(of list: ValueList) -> [Int] {
        var result: [Int] = []
        var hashes: [UInt64] = []
        let bits = max(1, (2 * list.count).bitWidth - (2 * list.count).leadingZeroBitCount)
        let mask = (1 << bits) - 1
        // Int32 halves the table; no list that fits in memory has 2^31 values.
        var table = [Int32](repeating: -1, count: 1 << bits)
        for (offset, element) in list.enumerated() {
            let hash = UniqueBucket(element).hash
            var position = Int(truncatingIfNeeded: hash >> UInt64(64 - bits))
            while true {
                let index = Int(table[position])
                if index < 0 {
                    table[position] = Int32(truncatingIfNeeded: result.count)
                    result.append(offset)
                    hashes.append(hash)
                    break
                }
                if hashes[index] == hash, list[result[index]].languageEquals(element) { break }
                position = (position + 1) & mask
            }
        }
        return result
    }
}
