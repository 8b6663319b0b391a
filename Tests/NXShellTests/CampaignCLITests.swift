import Foundation
import NexthinkEmulator
import TestSupport
import Testing

/// `run campaign` through the built binary against an emulator in this process, whose counters
/// prove what was (not) sent.
@Suite struct CampaignCLITests {
    let home: TempDir
    let env: [String: String]
    static let send = "run campaign #csat_after_fix for [\"S-1-5-21-1-2-3-1001\"] with <ticket: \"INC001\">"

    init() throws {
        home = try TempDir()
        env = CLI.environment(home: home.path)
    }


    private var auditPath: String { home.path + "/state/nxsh/audit.jsonl" }


    @Test func withoutATerminalNothingIsFetchedOrSent() async throws {
        try await withEmulatorServer { server in
            let r = try await CLI.launch(["-e", Self.send], environment: CLI.connected(env, to: server))
            #expect(r.status == 64, "\(r.stderr)")
            #expect(r.stderr.contains("refusing to run #csat_after_fix without confirmation"), "\(r.stderr)")
            #expect(server.stats.requests(for: .campaignTrigger) == 0)
            #expect(server.stats.requests(for: .nqlExecute) == 0, "the campaign list was read before consent")
            #expect(!FileManager.default.fileExists(atPath: auditPath))
        }
    }

    @Test func dryRunPrintsTheWireBodyAndSendsNothing() async throws {
        try await withEmulatorServer { server in
            let r = try await CLI.launch(["--dry-run", "-o", "json", "-e", Self.send + " expires 2h"], environment: CLI.connected(env, to: server))
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.contains("dry run: would send campaign #csat_after_fix (Satisfaction after a fix) to 1 user in 1 batch"))
            #expect(r.stderr.contains("  POST /api/v1/euf/campaign/trigger, body of batch 1:\n"
                + "  {\"campaignNqlId\":\"#csat_after_fix\",\"expiresInMinutes\":120,\"parameters\":{\"ticket\":\"INC001\"},"
                + "\"userSid\":[\"S-1-5-21-1-2-3-1001\"]}"), "\(r.stderr)")
            #expect(r.stdout.contains("\"dryRun\":true"), "\(r.stdout)")
            #expect(server.stats.requests(for: .campaignTrigger) == 0)
            #expect(!FileManager.default.fileExists(atPath: auditPath))
        }
    }

    @Test func campaignsOffTheAllowListOrOnAReadOnlyProfileAreRefused() async throws {
        try await withEmulatorServer { server in
            let secret = env.merging(["NEXTHINK_CLIENT_SECRET": "sandbox-secret"]) { $1 }
            try CLI.writeProfile(home: home.path, on: server, "allowed_campaigns = [\"reboot_reminder\"]\n")
            let refused = try await CLI.launch(["--yes", "-e", Self.send], environment: secret)
            #expect(refused.status == 77, "\(refused.stderr)")
            #expect(refused.stderr.contains("#csat_after_fix is not in allowed_campaigns of profile 'p'"), "\(refused.stderr)")
            #expect(refused.stderr.contains("allowed: #reboot_reminder"), "\(refused.stderr)")
            let allowed = try await CLI.launch(["--yes", "-e", "run campaign #reboot_reminder for \"S-1-5-21-1-2-3-1001\""],
                                               environment: secret)
            #expect(allowed.status == 0, "\(allowed.stderr)")
            try CLI.writeProfile(home: home.path, on: server, "read_only = true\n")
            let readOnly = try await CLI.launch(["--yes", "-e", Self.send], environment: secret)
            #expect(readOnly.status == 77, "\(readOnly.stderr)")
            #expect(readOnly.stderr.contains("campaigns cannot be sent"), "\(readOnly.stderr)")
            #expect(server.stats.requests(for: .campaignTrigger) == 1)
        }
    }

    @Test func aUserNotTargetedMeansExit71WithTheOthersRequests() async throws {
        try await withEmulatorServer { server in
            let users = "[\"S-1-5-21-1-2-3-1001\", \"S-1-5-21-9-9-9-9999\", \"S-1-5-21-1-2-3-1002\"]"
            let r = try await CLI.launch(["--yes", "-e", "let c = run campaign #reboot_reminder for \(users)",
                                          "-e", "print c.targeted, c.notTargeted",
                                          "-e", "for q in (c.requests | where requestId != null) { print q.userSid, q.requestId }"],
                                         environment: CLI.connected(env, to: server))
            #expect(r.status == 71, "\(r.stderr)")
            let lines = r.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "2 1", "\(r.stdout)")
            #expect(lines.dropFirst().map { String($0.prefix(20)) } == ["S-1-5-21-1-2-3-1001 ", "S-1-5-21-1-2-3-1002 "])
            #expect(lines.dropFirst().allSatisfy { $0.split(separator: " ").last?.count == 36 }, "\(r.stdout)")
            #expect(r.stderr.contains("#reboot_reminder: 1 user not acted on\n  S-1-5-21-9-9-9-9999: no user with this SID"), "\(r.stderr)")
            #expect(server.stats.accepted(for: .campaignTrigger) == 1)
            let audit = try String(contentsOfFile: auditPath, encoding: .utf8).split(separator: "\n")
                .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            #expect(audit.map { $0["event"] as? String } == ["intent", "result"])
            #expect(audit.allSatisfy { $0["kind"] as? String == "campaign" && $0["action"] as? String == "#reboot_reminder" })
            #expect(audit.last?["notActedOn"] as? Int == 1)
            #expect((audit.first?["devicesSha256"] as? String)?.count == 64)
        }
    }

    @Test func manyUsersNotTargetedAreCountedAfterTheFirst20() async throws {
        try await withEmulatorServer { server in
            let sids = (1...25).map { "\"S-1-5-21-9-9-9-\($0)\"" }.joined(separator: ", ")
            let r = try await CLI.launch(["--yes", "-e", "let c = run campaign #reboot_reminder for [\"S-1-5-21-1-2-3-1001\", \(sids)]",
                                          "-e", "print c.targeted, c.notTargeted, count(c.requests)"],
                                         environment: CLI.connected(env, to: server))
            #expect(r.status == 71, "\(r.stderr)")
            #expect(r.stdout == "1 25 26\n")
            #expect(r.stderr.contains("25 users not acted on"), "\(r.stderr)")
            #expect(r.stderr.contains("S-1-5-21-9-9-9-20: no user with this SID"))
            #expect(!r.stderr.contains("S-1-5-21-9-9-9-21:"), "\(r.stderr)")
            #expect(r.stderr.contains("... and 5 more (the run result lists every one)"), "\(r.stderr)")
        }
    }

    @Test func aBatchThatGot500IsReportedAndNeverSentAgain() async throws {
        try await withEmulatorServer { server in
            // 10,001 well-formed SIDs: two batches (most of them name no seeded user).
            let sids = (0...10_000).map { "S-1-5-21-1-2-3-\(1001 + $0)" }
            try sids.joined(separator: "\n").write(toFile: home.path + "/users.txt", atomically: true, encoding: .utf8)
            server.faults.inject(.campaignTrigger, .status(500))
            let r = try await CLI.launch(["--yes", "--concurrency", "1", "-e", "let c = run campaign #reboot_reminder for read(\"users.txt\")",
                                          "-e", "print c.failedBatches, c.batchResults[1].userRange, c.batchResults[1].targeted"],
                                         environment: CLI.connected(env, to: server), directory: home.path)
            #expect(r.status == 71, "\(r.stderr)")
            #expect(r.stdout == "1 10001-10001 0\n", "\(r.stdout)")
            #expect(r.stderr.contains("batch 1 (users 1-10000) failed"), "\(r.stderr)")
            #expect(r.stderr.contains("OUTCOME UNKNOWN: these users may or may not have been acted on"), "\(r.stderr)")
            #expect(server.stats.requests(for: .campaignTrigger) == 2, "a batch was sent again")
            #expect(server.stats.accepted(for: .campaignTrigger) == 1)
        }
    }
}
