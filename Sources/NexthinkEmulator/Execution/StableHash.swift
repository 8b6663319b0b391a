/// FNV-1a: unlike `Hasher`, the same on every run, so a device's timings and outputs are
/// reproducible from the seed.
enum StableHash {
    static func of(_ parts: String...) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part.utf8 {
                h ^= UInt64(byte)
                h = h &* 0x100_0000_01b3
            }
            h ^= 0xff
            h = h &* 0x100_0000_01b3
        }
        return h
    }
}
