import Foundation
import NXLanguage
import NexthinkClient
import NexthinkEmulator
import TestSupport
import Testing
@testable import NXShell

/// `run` at fleet scale through the real host, client and emulator: batching, validation of
/// every id, dry runs, partial failures and the audit log.
@Suite struct FleetRunTests {
    @Test func twentyFiveThousandIdsFromAFileRunAsThreeBatchesAllInTheAuditLog() async throws {
        try await withFleetSession { s in
            let ids = (0..<25_000).map(FleetSession.uuid)
            let name = try s.file("devices.txt", ["# fleet"] + ids + [ids[3].uppercased() + "  ", ids[9]])
            let status = await s.run("let r = run #get_battery_status on read(\"\(name)\") reason \"fleet test\"")
            #expect(status == 0, "\(s.err.text)")
            let r = try #require(await s.value("r"))
            let requestIds: [String] = r["requestIds"]?.items.compactMap { if case .string(let x) = $0 { x } else { nil } } ?? []
            #expect(requestIds.count == 3)
            #expect(r["requestId"] == nil)
            #expect(r["batches"] == .int(3))
            #expect(r["deviceCount"] == .int(25_000))
            #expect(r["duplicatesDropped"] == .int(2))
            #expect(r["batchResults"]?.items.map { $0["deviceRange"] } == [.string("1-10000"), .string("10001-20000"), .string("20001-25000")])
            #expect(s.err.text.contains("dropped 2 duplicate device ids"))
            #expect(s.server.stats.executionCount == 3)
            #expect(s.server.stats.executedDevices == 25_000)

            let records = try s.auditRecords()
            #expect(records.count == 6)
            #expect(records.filter { $0.event == .intent }.map(\.batch).sorted() == [1, 2, 3])
            let results = records.filter { $0.event == .result }.sorted { $0.batch < $1.batch }
            #expect(results.compactMap(\.requestId) == requestIds)
            for intent in records where intent.event == .intent {
                let batchIDs = Array(ids[(intent.batch - 1) * 10_000..<min(intent.batch * 10_000, ids.count)])
                #expect(intent.devicesSha256 == AuditEntry.digest(batchIDs))
                #expect(intent.triggerInfo?.externalSource == "nxsh")
                #expect(intent.triggerInfo?.reason == "fleet test")
                #expect(intent.profile == nil)
                #expect(intent.api.hasPrefix("127.0.0.1:"))
            }
            let attributes = try FileManager.default.attributesOfItem(atPath: s.auditPath)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
        }
    }

    @Test func everyInvalidIdIsReportedWithItsFileLineAndNothingIsSent() async throws {
        try await withFleetSession { s in
            let name = try s.file("devices.txt", ["# header", FleetSession.uuid(1), "LAPTOP-01", "", FleetSession.uuid(2),
                                                  "0e1d2c3b-4a59-4687-a5b4-00000000000", "  not-an-id  "])
            let status = await s.run("let devs = read(\"\(name)\")\nrun #get_battery_status on devs")
            #expect(status == 70)
            let err = s.err.text
            #expect(err.contains("3 invalid device ids of 5; nothing was sent"))
            #expect(err.contains("at position 2 (devices.txt line 3): 'LAPTOP-01'"))
            #expect(err.contains("at position 4 (devices.txt line 6): '0e1d2c3b-4a59-4687-a5b4-00000000000'"))
            #expect(err.contains("at position 5 (devices.txt line 7): 'not-an-id'"))
            #expect(s.server.stats.requests(for: .execute) == 0)
            #expect(!FileManager.default.fileExists(atPath: s.auditPath))
        }
    }

    @Test func invalidIdsInAComputedListAreReportedByPosition() async throws {
        try await withFleetSession { s in
            let status = await s.run("let devs = [\"\(FleetSession.uuid(1))\", 42, \"x\"] + []\nrun #get_battery_status on devs")
            #expect(status == 70)
            #expect(s.err.text.contains("at position 2: (int)"))
            #expect(s.err.text.contains("at position 3: 'x'"))
            #expect(s.server.stats.requests(for: .execute) == 0)
        }
    }

    @Test(arguments: [true, false])
    func dryRunSendsNothingAndDescribesEveryBatch(_ viaFlag: Bool) async throws {
        try await withFleetSession(options: ShellOptions(dryRun: viaFlag, tokenCache: false)) { s in
            let ids = (0..<12_000).map(FleetSession.uuid)
            let name = try s.file("devices.txt", ids)
            let script = (viaFlag ? "" : "dryrun = true\n")
                + "let r = run #restart_service on read(\"\(name)\") with <ServiceName: \"Spooler\"> ref \"INC1\""
            let status = await s.run(script)
            #expect(status == 0, "\(s.err.text)")
            let r = try #require(await s.value("r"))
            #expect(r["dryRun"] == .bool(true))
            #expect(r["batches"] == .int(2))
            #expect(r["deviceRanges"] == .list([.string("1-10000"), .string("10001-12000")]))
            let err = s.err.text
            #expect(err.contains("dry run: would run #restart_service"))
            #expect(err.contains("on 12000 devices in 2 batches"))
            #expect(err.contains("batch 2: devices 10001-12000 (2000)"))
            #expect(err.contains(#""params":{"ServiceName":"Spooler"}"#))
            #expect(err.contains(#""externalReference":"INC1""#))
            #expect(err.contains("... 9980 more]"))
            #expect(s.server.stats.requests(for: .execute) == 0)
            #expect(!FileManager.default.fileExists(atPath: s.auditPath))
        }
    }

    @Test func theFlagWinsOverTheScriptAndDryrunMustBeABool() async throws {
        try await withFleetSession(options: ShellOptions(dryRun: true, tokenCache: false)) { s in
            #expect(await s.run("dryrun = false\nrun #get_battery_status on \(FleetSession.uuid(1))") == 0)
            #expect(s.server.stats.requests(for: .execute) == 0)
            #expect(await s.run("dryrun = \"no\"\nrun #get_battery_status on \(FleetSession.uuid(1))") == 70)
            #expect(s.err.text.contains("`dryrun` must be true or false"))
        }
    }

    @Test func serverErrorOnTheSecondBatchIsAPartialFailureAndIsNotResent() async throws {
        try await withFleetSession(options: ShellOptions(concurrency: 1, yes: true, tokenCache: false)) { s in
            let name = try s.file("devices.txt", (0..<25_000).map(FleetSession.uuid))
            // The token call and the first batch go through; the fault hits the next execute.
            let status = await s.run("""
                let devs = read("\(name)")
                let first = run #get_battery_status on devs[0]
                """)
            #expect(status == 0)
            s.server.faults.inject(.execute, .delay(.milliseconds(1)))
            s.server.faults.inject(.execute, .status(500))
            let partial = await s.run("let r = run #get_battery_status on devs\nprint \"still running\"")
            #expect(partial == NXLanguage.ExitStatus.partialFailure)
            #expect(s.out.text.contains("still running"))
            let r = try #require(await s.value("r"))
            #expect(r["failedBatches"] == .int(1))
            #expect(r["requestIds"]?.items.count == 2)
            let second = try #require(r["batchResults"]?.items[1])
            #expect(second["outcomeUnknown"] == .bool(true))
            #expect(second["deviceRange"] == .string("10001-20000"))
            #expect(second["requestId"] == .null)
            #expect(s.err.text.contains("2 of 3 batches accepted"))
            #expect(s.err.text.contains("batch 2 (devices 10001-20000) failed"))
            #expect(s.server.stats.requests(for: .execute) == 4)
            #expect(s.server.stats.executionCount == 3)
            let failed = try s.auditRecords().filter { $0.event == .result && $0.requestId == nil }
            #expect(failed.map(\.batch) == [2])
            #expect(failed.first?.outcomeUnknown == true)
        }
    }

    @Test func aSingleFailedBatchStopsTheScriptWithTheClientsError() async throws {
        try await withFleetSession { s async throws in
            s.server.faults.inject(.execute, .status(500))
            let status = await s.run("run #get_battery_status on \(FleetSession.uuid(1))\nprint \"not reached\"")
            #expect(status == 70)
            #expect(!s.out.text.contains("not reached"))
            #expect(s.err.text.contains("outcome unknown"))
            #expect(s.server.stats.requests(for: .execute) == 1)
            #expect(try s.auditRecords().map(\.event) == [.intent, .result])
        }
    }

    @Test func profileSettingsFillTriggerInfoAndConcurrency() async throws {
        let home = try TempDir()
        try FileManager.default.createDirectory(atPath: home.path + "/config/nxsh", withIntermediateDirectories: true)
        try await withEmulatorServer { server in
            let log = home.path + "/custom/audit.jsonl"
            try """
                [profiles.fleet]
                api_url = "\(server.baseURL)"
                client_id = "sandbox-client"
                client_secret_command = "echo sandbox-secret"
                reason = "weekly maintenance"
                external_source = "ServiceNow"
                audit_log = "\(log)"
                concurrency = 2
                """.write(toFile: home.path + "/config/nxsh/config.toml", atomically: true, encoding: .utf8)
            let console = Console(out: { _ in }, err: { _ in })
            let context = try await ShellContext.make(
                options: ShellOptions(yes: true, tokenCache: false),
                environment: ["HOME": home.path, "XDG_CONFIG_HOME": home.path + "/config", "NXSH_PROFILE": "fleet"],
                console: console, interactive: false, arguments: [], baseDirectory: home.path)
            #expect(context.host.policy.fleet.concurrency == 2)
            let status = await Sources(items: [("t", "run #get_battery_status on \(FleetSession.uuid(1))")],
                                       baseDirectory: home.path).run(in: context.session)
            // Before anything can throw: a client released without shutdown traps.
            await context.shutdown()
            #expect(status == 0)
            let text = try String(contentsOfFile: log, encoding: .utf8)
            let intent = try JSONDecoder().decode(AuditEntry.self, from: Data(text.split(separator: "\n")[0].utf8))
            #expect(intent.triggerInfo == .init(externalSource: "ServiceNow", reason: "weekly maintenance"))
            #expect(intent.profile == "fleet")
        }
    }
}
