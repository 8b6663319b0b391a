import Foundation
import NXLanguage
import Testing
@testable import NXShell
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The audit log after crashes and beside other processes: a torn last line never hides the
/// next record, corrupt lines are counted and reported, a held lock is waited for, long records
/// are read across chunk boundaries, and sandbox runs keep their own log.
@Suite struct AuditSafetyTests {
    static func record(_ batch: Int, params: Int = 10) -> AuditEntry {
        FleetAuditLogTests.record(batch).with(params: params)
    }

    static func appendRaw(_ text: String, to path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    @Test func aTornLastLineDoesNotHideTheNextRecord() throws {
        let home = try TempDir()
        let log = AuditLog(path: home.path + "/audit.jsonl")
        for batch in 1...2 { try log.append(Self.record(batch)) }
        try Self.appendRaw(#"{"time":"2026-"#, to: log.path)
        try log.append(Self.record(3))
        let tail = try log.recent(10)
        #expect(tail.last.map(\.batch) == [1, 2, 3])
        #expect(tail.corruptLines == 1)
    }

    @Test func auditReportsCorruptLinesInsteadOfSkippingThemSilently() throws {
        let home = try TempDir()
        let log = AuditLog(path: home.path + "/audit.jsonl")
        try log.append(Self.record(1))
        try Self.appendRaw("hand edit\nnot json either\n", to: log.path)
        try log.append(Self.record(2))
        let err = TextBuffer()
        let table = try AuditCommand.recent(5, log: log, console: Console(out: { _ in }, err: { err.append($0) }))
        #expect(table.items.count == 2)
        #expect(err.text.contains("2 lines are not an audit record in \(log.path)"), "\(err.text)")
    }

    @Test func recordsLongerThanAReadChunkAreRead() throws {
        let home = try TempDir()
        let log = AuditLog(path: home.path + "/audit.jsonl")
        for batch in 1...5 { try log.append(Self.record(batch, params: 50_000)) }
        let tail = try log.recent(3)
        #expect(tail.last.map(\.batch) == [3, 4, 5])
        #expect(tail.corruptLines == 0)
    }

    /// Another process holds the lock and leaves a torn line: the append waits for the lock,
    /// then starts its record on a fresh line.
    @Test func appendWaitsForTheLockOfAnotherWriter() async throws {
        let home = try TempDir()
        let log = AuditLog(path: home.path + "/audit.jsonl")
        try log.prepare()
        let fd = open(log.path, O_WRONLY | O_APPEND)
        #expect(flock(fd, LOCK_EX) == 0)
        let done = AsyncStream<Void>.makeStream()
        Thread {
            try? log.append(Self.record(7))
            done.continuation.finish()
        }.start()
        let fragment = Array(#"{"torn":"#.utf8)
        #expect(fragment.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == fragment.count)
        flock(fd, LOCK_UN)
        close(fd)
        for await _ in done.stream {}
        let lines = try String(contentsOfFile: log.path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first == #"{"torn":"#)
        #expect(try log.recent(5).last.map(\.batch) == [7])
    }

    @Test func sandboxRunsHaveTheirOwnLogAndAuditFitsOneHundredColumns() async throws {
        let home = try TempDir()
        let env = CLI.environment(home: home.path, extra: ["COLUMNS": "100"])
        let run = try await CLI.launch(["--sandbox", "--yes", "-e",
                                        "run #get_battery_status on [3fa85f64-5717-4562-b3fc-2c963f66afa6]"],
                                       environment: env)
        #expect(run.status == 0, "\(run.stderr)")
        let state = home.path + "/state/nxsh/"
        #expect(FileManager.default.fileExists(atPath: state + "audit-sandbox.jsonl"))
        #expect(!FileManager.default.fileExists(atPath: state + "audit.jsonl"))
        let audit = try await CLI.launch(["--sandbox", "-e", "audit"], environment: env)
        #expect(audit.status == 0, "\(audit.stderr)")
        let lines = audit.stdout.split(separator: "\n")
        #expect(lines.count == 4, "\(audit.stdout)")
        #expect(lines.allSatisfy { $0.count <= 100 }, "\(audit.stdout)")
        let uuid = try Regex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
        #expect(lines.last?.contains(uuid) == true, "\(audit.stdout)")
    }
}

extension AuditEntry {
    func with(params size: Int) -> AuditEntry {
        var copy = self
        copy.params = ["ServiceName": String(repeating: "x", count: size)]
        return copy
    }
}
