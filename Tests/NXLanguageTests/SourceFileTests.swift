@testable import NXLanguage
import Testing

/// Line starts are found a word at a time; every offset's line must still be the one counted
/// byte by byte, wherever the newlines fall in a word and however the text ends.
@Suite struct SourceFileTests {
    static func countedLine(_ bytes: [UInt8], _ offset: Int) -> Int {
        bytes[..<min(offset, bytes.count)].filter { $0 == UInt8(ascii: "\n") }.count + 1
    }

    @Test func everyOffsetIsOnTheLineCountedByteByByte() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        let pieces = ["a", "\n", "é", "😀", "\r\n", "bc", "\n\n", "defghijkl"]
        for length in 0..<60 {
            var text = ""
            for _ in 0..<length {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(seed >> 61)]
            }
            let file = SourceFile(name: "t", text: text)
            let bytes = Array(text.utf8)
            #expect(file.lineCount == Self.countedLine(bytes, bytes.count), "\(text.debugDescription)")
            for offset in 0...bytes.count + 1 where file.lineNumber(of: offset) != Self.countedLine(bytes, offset) {
                Issue.record("offset \(offset) of \(text.debugDescription)")
            }
        }
    }

    @Test func linesAreCutAtNewlinesWithoutCarriageReturns() {
        let file = SourceFile(name: "t", text: "first line\r\nsecond\n\nlast one past a word")
        #expect((1...4).map(file.line) == ["first line", "second", "", "last one past a word"])
    }
}
