#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process environment as a dictionary, read once at start-up. ProcessInfo's `environment`
/// finds each `=` by Character (grapheme breaking over PATH and the like) and grows its
/// dictionary one insert at a time: 0.5 M instructions, a tenth of `nxsh -e '1 + 1'`. Here the
/// `=` is a byte and the dictionary is sized first. As there, the first `=` ends the name and a
/// later entry of the same name wins.
enum ProcessEnvironment {
    static func read() -> [String: String] {
        var count = 0
        while environ[count] != nil { count += 1 }
        var result = [String: String](minimumCapacity: count)
        for index in 0..<count {
            guard let entry = environ[index] else { continue }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(entry).assumingMemoryBound(to: UInt8.self), count: strlen(entry))
            guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<equals]), as: UTF8.self)
            result[name] = String(decoding: UnsafeBufferPointer(rebasing: bytes[(equals + 1)...]), as: UTF8.self)
        }
        return result
    }
}
