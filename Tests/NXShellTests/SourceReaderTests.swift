import Foundation
import Testing
@testable import NXShell

/// The two ways a script is read: a regular file in one read into the String (its size from
/// fstat, which may be stale), everything else in chunks. Both give the same text.
@Suite struct SourceReaderTests {
    let dir: TempDir

    init() throws {
        dir = try TempDir()
    }

    /// Over 64 KB, with multi-byte characters across every chunk boundary of the chunked path.
    static let text = String(repeating: "print \"é→😀\" # ü\n", count: 6000)

    func write(_ bytes: [UInt8], to name: String) throws -> String {
        let path = dir.path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aRegularFileIsReadWhole() throws {
        let path = try write(Array(Self.text.utf8), to: "big.nxs")
        #expect(try SourceReader.readFile(path) == Self.text)
    }

    @Test func aDescriptorPastTheStartOfAFileReadsTheRest() throws {
        let path = try write(Array("# skipped\nprint 1\n".utf8), to: "offset.nxs")
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        #expect(lseek(fd, 10, SEEK_SET) == 10)
        #expect(try SourceReader.read(fd, name: "offset") == "print 1\n")
    }

    @Test func invalidUTF8IsRepairedAsInAChunkedRead() throws {
        let path = try write([0x61, 0xFF, 0x62, 0xE2, 0x82], to: "bad.nxs")
        #expect(try SourceReader.readFile(path) == "a\u{FFFD}b\u{FFFD}")
    }

    @Test func anEmptyFileIsAnEmptyScript() throws {
        #expect(try SourceReader.readFile(try write([], to: "empty.nxs")) == "")
    }

    #if os(Linux)
    /// fstat says 0 bytes, as for a file that grew after fstat: the whole text is still read.
    @Test func aFileLongerThanItsStatSizeIsReadToTheEnd() throws {
        let text = try SourceReader.readFile("/proc/self/status")
        #expect(text.hasPrefix("Name:"))
        #expect(text.contains("\nPid:"))
    }
    #endif

    @Test func aPipeIsReadInChunks() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let bytes = Array("print 1\nprint 2\n".utf8)
        #expect(bytes.withUnsafeBytes { Foundation.write(ends[1], $0.baseAddress, $0.count) } == bytes.count)
        close(ends[1])
        defer { close(ends[0]) }
        #expect(try SourceReader.read(ends[0], name: "pipe") == "print 1\nprint 2\n")
    }

    @Test func aDirectoryIsAReadError() {
        let error = #expect(throws: ShellError.self) { try SourceReader.readFile(dir.path) }
        #expect(error?.message.hasPrefix("cannot read script '\(dir.path)'") == true, "\(String(describing: error))")
        #expect(error?.exitCode == 66)
    }
}
