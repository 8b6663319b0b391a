import NexthinkClient
import Testing

@Suite("RFC 4180 CSV reader and writer")
struct CSVTests {
    func read(_ text: String) throws -> [CSVRecord] {
        try CSVReader.records(Array(text.utf8), source: "t.csv")
    }

    @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() throws {
        let records = try read("name,note\r\nA,\"x, y\"\r\nB,\"say \"\"hi\"\"\"\r\nC,\"two\r\nlines\"\r\nD,last\r\n")
        #expect(records.map(\.fields) == [["name", "note"], ["A", "x, y"], ["B", "say \"hi\""], ["C", "two\r\nlines"], ["D", "last"]])
        #expect(records.map(\.line) == [1, 2, 3, 4, 6])
    }

    @Test func bomLoneLineFeedsBlankLinesAndNoFinalNewline() throws {
        let records = try read("\u{FEFF}a,b\n\n1,\n2,3")
        #expect(records.map(\.fields) == [["a", "b"], ["1", ""], ["2", "3"]])
        #expect(records.map(\.line) == [1, 3, 4])
    }

    @Test func errorsNameTheFileLine() throws {
        #expect(throws: CSVError(source: "t.csv", line: 2, message:
            "a quoted field opened here is never closed; add the closing quote")) {
            try read("a\n\"open\nstill\n")
        }
        let after = #expect(throws: CSVError.self) { try read("a,b\n1,2\n\"x\"y,3\n") }
        #expect(after?.line == 3)
        #expect(after?.description.hasPrefix("t.csv:3: text after the closing quote") == true)
        let stray = #expect(throws: CSVError.self) { try read("a\nab\"c\n") }
        #expect(stray?.line == 2)
        let utf8 = #expect(throws: CSVError.self) { try CSVReader.records([0x61, 0x0A, 0xFF, 0x0A], source: "t.csv") }
        #expect(utf8?.line == 2)
    }

    @Test func writerQuotesOnlyWhatNeedsIt() throws {
        let rows = [["id", "note"], ["1", "plain"], ["2", "a, b"], ["3", "say \"hi\""], ["4", "two\nlines"], ["5", " padded"]]
        let text = CSVWriter.document(rows)
        #expect(text.hasPrefix("id,note\r\n1,plain\r\n2,\"a, b\"\r\n3,\"say \"\"hi\"\"\"\r\n"))
        #expect(try read(text).map(\.fields) == rows)
    }

    @Test func counterAgreesWithTheReaderWhateverTheChunks() throws {
        let text = "h1,h2\r\n1,\"a\nb\"\r\n\r\n2,\"\"\"q\"\"\"\r\n3,end"
        let bytes = Array(text.utf8)
        for size in [1, 2, 5, bytes.count] {
            var counter = CSVRecordCounter()
            for start in stride(from: 0, to: bytes.count, by: size) {
                bytes[start..<min(start + size, bytes.count)].withUnsafeBytes { counter.feed($0) }
            }
            let expected = try read(text).count
            #expect(counter.records == expected, "chunk size \(size)")
        }
    }
}
