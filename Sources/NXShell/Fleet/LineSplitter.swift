/// Splits a text file into trimmed lines, skipping blank and `#` comment lines, keeping each
/// kept line's 1-based number. Byte-level, so a 100,000-line device file splits in
/// milliseconds (grapheme-aware `String.split` is far slower on large files).
enum LineSplitter {
    static func lines(_ bytes: [UInt8]) -> (lines: [String], numbers: [Int]) {
        var lines: [String] = [], numbers: [Int] = []
        var lineNumber = 0
        var start = 0
        bytes.withUnsafeBufferPointer { buffer in
            while start <= buffer.count {
                var end = start
                while end < buffer.count, buffer[end] != 10 { end += 1 }
                lineNumber += 1
                var a = start, b = end
                while a < b, isSpace(buffer[a]) { a += 1 }
                while b > a, isSpace(buffer[b - 1]) { b -= 1 }
                if a < b, buffer[a] != UInt8(ascii: "#") {
                    lines.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[a..<b]), as: UTF8.self))
                    numbers.append(lineNumber)
                }
                start = end + 1
            }
        }
        return (lines, numbers)
    }

    private static func isSpace(_ b: UInt8) -> Bool {
        b == 32 || b == 9 || b == 13 || b == 11 || b == 12
    }
}
