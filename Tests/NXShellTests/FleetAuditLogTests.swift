import Foundation
import NXLanguage
import NexthinkClient
import TestSupport
import Testing
@testable import NXShell

/// The audit log file itself: creation, permissions, whole lines under concurrency, reading
/// back the tail, and the device digest.
@Suite struct FleetAuditLogTests {
    static func record(_ batch: Int, _ event: AuditEntry.Event = .intent) -> AuditEntry {
        AuditEntry(time: AuditEntry.timestamp(), event: event, run: "run-1", profile: "prod", api: "acme.api.eu.nexthink.cloud",
                    action: "#restart_service", batch: batch, batches: 200, deviceRange: "1-10", deviceCount: 10,
                    devicesSha256: AuditEntry.digest(["a"]), params: ["ServiceName": String(repeating: "x", count: 2_000)])
    }

    @Test func createsAPrivateFileInPrivateDirectories() throws {
        let home = try TempDir()
        let log = AuditLog(path: home.path + "/state/nxsh/audit.jsonl")
        try log.prepare()
        let file = try FileManager.default.attributesOfItem(atPath: log.path)
        let directory = try FileManager.default.attributesOfItem(atPath: home.path + "/state/nxsh")
        #expect((file[.posixPermissions] as? Int) == 0o600)
        #expect((directory[.posixPermissions] as? Int) == 0o700)
        #expect(try log.recent(20).last.isEmpty)
    }

    @Test func concurrentAppendsNeverInterleave() async throws {
        let home = try TempDir()
        let log = AuditLog(path: home.path + "/audit.jsonl")
        try log.prepare()
        await withTaskGroup(of: Void.self) { group in
            for batch in 1...200 {
                group.addTask { try? log.append(Self.record(batch)) }
            }
        }
        let lines = try String(contentsOfFile: log.path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 200)
        let batches = try lines.map { try JSONDecoder().decode(AuditEntry.self, from: Data($0.utf8)).batch }
        #expect(batches.sorted() == Array(1...200))
    }

    @Test func recentReturnsTheTailOldestFirstAndSkipsATornLine() throws {
        let home = try TempDir()
        let log = AuditLog(path: home.path + "/audit.jsonl")
        for batch in 1...30 { try log.append(Self.record(batch)) }
        let handle = try #require(FileHandle(forWritingAtPath: log.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"time":"2026-"#.utf8))
        try handle.close()
        #expect(try log.recent(3).last.map(\.batch) == [28, 29, 30])
        #expect(try log.recent(20).last.count == 20)
        #expect(try log.recent(20).corruptLines == 1)
        let table = try AuditCommand.recent(2, log: log, console: Console(out: { _ in }, err: { _ in }))
        #expect(table.items.count == 2)
        #expect(table.items.last?["batch"] == Value.string("30/200"))
        #expect(table.items.last?["result"] == Value.string("sending"))
    }

    @Test func unwritableLogIsAClearErrorBeforeAnythingIsSent() throws {
        let home = try TempDir()
        try "not a directory".write(toFile: home.path + "/state", atomically: true, encoding: .utf8)
        let log = AuditLog(path: home.path + "/state/audit.jsonl")
        let error = #expect(throws: ShellError.self) { try log.prepare() }
        #expect(error?.message.contains("cannot open the audit log") == true)
        #expect(error?.notes.contains { $0.contains("audit_log") } == true)
    }

    /// Same as `printf '%s\n' a b | sha256sum`.
    @Test func digestIsTheSha256OfOneIdPerLine() async throws {
        #expect(AuditEntry.digest(["a", "b"]) == (try await Self.shell("a\nb\n")))
        #expect(AuditEntry.digest([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(AuditEntry.digest(["3fa85f64-5717-4562-b3fc-2c963f66afa6"]) == (try await Self.shell("3fa85f64-5717-4562-b3fc-2c963f66afa6\n")))
    }

    static func shell(_ input: String) async throws -> String {
        let output = try await ChildProcess.run("/usr/bin/sha256sum", [], input: Data(input.utf8))
        return String(String(decoding: output.stdout, as: UTF8.self).prefix(64))
    }

    @Test func resultRecordsCarryTheRequestIdOrTheError() throws {
        let run = AuditRun(profile: "prod", api: "acme", action: "#x", batches: 2)
        let batch = DeviceBatch(index: 2, firstPosition: 11, devices: try [0, 1].map { try CollectorID(FleetSession.uuid($0)) })
        let plan = FleetPlan(template: ExecutionRequest(remoteActionId: try NQLID("#x", .remoteAction), devices: []), action: RemoteAction(id: "#x"), batches: [batch],
                             deviceCount: 2, duplicatesDropped: 0)
        let ok = run.result(BatchResult(batch: batch, outcome: .accepted(ExecutionResponse(requestId: "req", expiresInMinutes: 60))), of: plan)
        #expect(ok.requestId == "req" && ok.expiresInMinutes == 60 && ok.error == nil)
        #expect(ok.deviceRange == "11-12")
        let unknown = run.result(BatchResult(batch: batch, outcome: .failed(NexthinkError(kind: .outcomeUnknown, status: 502, message: "bad gateway"))), of: plan)
        #expect(unknown.outcomeUnknown == true)
        #expect(unknown.error?.contains("bad gateway") == true)
        #expect(unknown.requestId == nil)
    }
}
