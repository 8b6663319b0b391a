import Foundation
import NXLanguage
import NexthinkEmulator
import Testing
@testable import NXShell

/// `status` and `wait` through the saved NQL query, on the emulator's execution lifecycle
/// (time running 6000x: executions finish in milliseconds, expire after 0.6 s).
@Suite struct FleetStatusTests {
    static let ok = "3fa85f64-5717-4562-b3fc-2c963f66afa6"        // LAPTOP-01, online
    static let failing = "3d2163ec-e886-535a-9eb6-93801f66ff32"   // LAPTOP-05, script fails
    static let offline = "f60b679d-1923-5096-97cb-130d928bba0a"   // LAPTOP-07, never connects

    static func fast() -> EmulatorOptions {
        var options = EmulatorOptions()
        options.timeScale = 6_000
        return options
    }

    static func statuses(_ rows: Value?) -> [String: String] {
        var result: [String: String] = [:]
        for row in rows?.items ?? [] {
            if case .string(let uid)? = row["device.collector.uid"], case .string(let status)? = row["status"] {
                result[uid] = status
            }
        }
        return result
    }

    @Test func waitReachesSuccessFailureAndExpiryAsSeeded() async throws {
        try await withFleetSession(emulator: Self.fast()) { s in
            let status = await s.run("""
                let r = run #get_battery_status on [\(Self.ok), \(Self.failing), \(Self.offline)]
                let rows = wait r timeout 1m
                let again = wait r.requestId
                """)
            #expect(status == 0, "\(s.err.text)")
            #expect(Self.statuses(await s.value("rows")) == [Self.ok: "success", Self.failing: "failure", Self.offline: "expired"])
            #expect(Self.statuses(await s.value("again")) == Self.statuses(await s.value("rows")))
            let err = s.err.text
            #expect(err.contains("wait: all 3 executions final after"))
            #expect(err.contains("  success  1"))
            #expect(err.contains("  failure  1"))
            #expect(err.contains("  expired  1"))
            let row = try #require(await s.value("rows")?.items.first { $0["device.collector.uid"] == .string(Self.ok) })
            #expect(row["device.name"] == .string("LAPTOP-01"))
            #expect(row["status_details"] != nil)
            #expect(row["outputs"] != nil)
        }
    }

    @Test func statusAndWaitCoverEveryBatchOfALargeRun() async throws {
        try await withFleetSession(emulator: Self.fast()) { s in
            let ids = (0..<10_000).map(FleetSession.uuid) + [Self.ok, Self.failing]
            let name = try s.file("devices.txt", ids)
            let status = await s.run("""
                let r = run #get_battery_status on read("\(name)")
                let now = status r
                let done = wait r timeout 1m
                """)
            #expect(status == 0, "\(s.err.text)")
            #expect(await s.value("r")?["batches"] == .int(2))
            #expect(await s.value("now")?.items.count == 10_002)
            let done = Self.statuses(await s.value("done"))
            #expect(done.count == 10_002)
            #expect(done[Self.ok] == "success")
            #expect(done[Self.failing] == "failure")
            #expect(done.values.filter { $0 == "expired" }.count == 10_000)
            #expect(s.err.text.contains("wait: all 10002 executions final"))
        }
    }

    @Test func waitStopsAtItsTimeoutAndReturnsWhatItSaw() async throws {
        try await withFleetSession { s in
            let status = await s.run("""
                let r = run #get_battery_status on [\(Self.offline)]
                let rows = wait r timeout 1s
                """)
            #expect(status == 0, "\(s.err.text)")
            #expect(Self.statuses(await s.value("rows")) == [Self.offline: "waiting_for_device"])
            #expect(s.err.text.contains("wait: timeout 1s reached with 1 of 1 executions not final"))
            #expect(s.err.text.contains("waiting_for_device  1"))
        }
    }

    @Test func statusExplainsTargetsWithoutRequestIds() async throws {
        try await withFleetSession(options: ShellOptions(dryRun: true, tokenCache: false)) { s in
            let status = await s.run("let r = run #get_battery_status on [\(Self.ok)]\nstatus r")
            #expect(status == 70)
            #expect(s.err.text.contains("this is a dry-run result"))
        }
    }

    @Test func countsLineAndSummary() {
        let rows: [Value] = ["success", "success", "failure", "in_progress", "waiting_for_device", "expired"].map {
            .record(Record([("status", .string($0))]))
        }
        let counts = StatusCounts(rows: rows)
        #expect(counts.line == "2 success, 1 failure, 1 expired, 2 waiting")
        #expect(!counts.allFinal(expected: nil))
        #expect(StatusCounts(rows: Array(rows.prefix(3))).allFinal(expected: nil))
        #expect(!StatusCounts(rows: Array(rows.prefix(3))).allFinal(expected: 4))
        #expect(!StatusCounts(rows: []).allFinal(expected: nil))
    }

    @Test func auditListsTheRecentRecordsAsATable() async throws {
        try await withFleetSession { s in
            let status = await s.run("""
                run #get_battery_status on \(Self.ok)
                let all = audit
                let last = audit 1
                """)
            #expect(status == 0, "\(s.err.text)")
            #expect(await s.value("all")?.items.count == 2)
            let last = try #require(await s.value("last")?.items.first)
            if case .string(let result)? = last["result"] { #expect(result.count == 36) } else { Issue.record("no result") }
        }
    }
}
