import Foundation
import NexthinkEmulator
import TestSupport
import Testing

/// `enrich` and `delete devices` through the built binary against an emulator started here,
/// whose counters show what was (not) sent: consent, dry run, checks before sending, partial
/// failure named by file line, resending an unknown outcome, the deletion profile setting.
@Suite(.serialized) struct DataChangeCLITests {
    let home: TempDir
    let env: [String: String]
    static let laptop02 = "2bdb0941-2507-40de-854a-3efa1784b26b"

    init() throws {
        home = try TempDir()
        env = CLI.environment(home: home.path)
    }


    func run(_ script: String, csv: String = "", flags: [String] = [], on server: EmulatorServer,
             environment: [String: String]? = nil) async throws -> CLI.Result {
        try csv.write(toFile: home.path + "/teams.csv", atomically: true, encoding: .utf8)
        try script.write(toFile: home.path + "/change.nxs", atomically: true, encoding: .utf8)
        return try await CLI.launch(flags + [home.path + "/change.nxs"], environment: environment ?? CLI.connected(env, to: server))
    }

    var auditLines: [String] {
        let text = (try? String(contentsOfFile: home.path + "/state/nxsh/audit.jsonl", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    static let teams = "name,#team\nLAPTOP-01,ops\nNO-SUCH-PC,dev\nLAPTOP-03,ops\n"
    static let enrich = "let r = enrich devices with read_csv(\"teams.csv\") domain \"cmdb\"\nprint r.written\n"

    @Test func withoutATerminalEnrichmentNeedsConsentAndSendsNothing() async throws {
        try await withEmulatorServer { server in
            let r = try await run(Self.enrich, csv: Self.teams, on: server)
            #expect(r.status == 64, "\(r.stderr)")
            #expect(r.stderr.contains("without confirmation"))
            #expect(server.stats.requests(for: .enrichment) == 0)
            #expect(auditLines.isEmpty)
        }
    }

    @Test func aDryRunShowsTheBodyAndSendsNothing() async throws {
        try await withEmulatorServer { server in
            let script = "let r = enrich devices with read_csv(\"teams.csv\") domain \"cmdb\"\nprint r.objectCount\n"
            let r = try await run(script, csv: Self.teams, flags: ["--dry-run"], on: server)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout == "3\n")
            #expect(r.stderr.contains("dry run: would enrich 3 devices in 1 batch (domain cmdb"))
            #expect(r.stderr.contains(#""domain":"cmdb""#))
            #expect(r.stderr.contains("device/device/#team"))
            #expect(server.stats.requests(for: .enrichment) == 0)
            #expect(auditLines.isEmpty)
        }
    }

    @Test func aPartialFailureNamesEachObjectByItsFileLineAndExits71() async throws {
        try await withEmulatorServer { server in
            let r = try await run(Self.enrich, csv: Self.teams, flags: ["--yes"], on: server)
            #expect(r.status == 71, "\(r.stderr)")
            #expect(r.stdout == "2\n")
            #expect(r.stderr.contains("1 device not acted on"))
            #expect(r.stderr.contains("teams.csv:3: device/device/name 'NO-SUCH-PC': OBJECT_NOT_FOUND"))
            #expect(server.stats.requests(for: .enrichment) == 1)
            #expect(auditLines.count == 2)
            #expect(auditLines.allSatisfy { $0.contains(#""kind":"enrichment""#) })
        }
    }

    @Test func rowsFilteredFromAFileKeepTheirLines() async throws {
        try await withEmulatorServer { server in
            let script = "let rows = read_csv(\"teams.csv\") | where it[\"#team\"] == \"dev\"\nenrich devices with rows\n"
            let r = try await run(script, csv: Self.teams, flags: ["--yes"], on: server)
            #expect(r.status == 71, "\(r.stderr)")
            #expect(r.stderr.contains("teams.csv:3: device/device/name 'NO-SUCH-PC'"))
        }
    }

    @Test func problemsInTheRowsAreAllListedBeforeAnythingIsSent() async throws {
        try await withEmulatorServer { server in
            let csv = "name,#team,colour\nLAPTOP-01,ops,red\n"
            let r = try await run(Self.enrich, csv: csv, flags: ["--yes"], on: server)
            #expect(r.status == 65, "\(r.stderr)")
            #expect(r.stderr.contains("teams.csv:1: 'colour' is not a field"))
            let rows = try await run(Self.enrich, csv: "name,#team\nLAPTOP-01,ops\n,ops\nLAPTOP-01,dev\n", flags: ["--yes"], on: server)
            #expect(rows.status == 65, "\(rows.stderr)")
            #expect(rows.stderr.contains("teams.csv:3: the name that identifies the device is empty"))
            #expect(rows.stderr.contains("teams.csv:4: device name 'LAPTOP-01' already appears at teams.csv:2"))
            #expect(server.stats.requests(for: .enrichment) == 0)
        }
    }

    @Test func anUnknownOutcomeIsSentOnceMoreAndTheAuditLogSaysSo() async throws {
        try await withEmulatorServer { server in
            server.faults.inject(.enrichment, .status(503))
            let r = try await run(Self.enrich, csv: "name,#team\nLAPTOP-01,ops\n", flags: ["--yes"], on: server)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(server.stats.requests(for: .enrichment) == 2)
            #expect(auditLines.last?.contains(#""attempts":2"#) == true)
        }
    }

    static let delete = "let d = delete devices [<uid: \(laptop02), name: \"LAPTOP-02\">]\nprint d.scheduledCount\n"

    @Test func deletionWithYesIsRefusedUnlessTheProfileAllowsIt() async throws {
        try await withEmulatorServer { server in
            let r = try await run(Self.delete, flags: ["--yes"], on: server)
            #expect(r.status == 77, "\(r.stderr)")
            #expect(r.stderr.contains("allow_device_deletion = true"))
            #expect(server.stats.requests(for: .deviceDeletion) == 0)
            let dryScript = "let d = delete devices [<uid: \(Self.laptop02), name: \"LAPTOP-02\">]\nprint d.deviceCount\n"
            let dry = try await run(dryScript, flags: ["--dry-run"], on: server)
            #expect(dry.status == 0, "\(dry.stderr)")
            #expect(dry.stdout == "1\n")
            #expect(dry.stderr.contains("dry run: would delete 1 device in 1 batch"))
            #expect(server.stats.requests(for: .deviceDeletion) == 0)
            #expect(auditLines.isEmpty)
        }
    }

    @Test func aProfileThatAllowsDeletionDeletesAndReportsDevicesNotScheduled() async throws {
        try await withEmulatorServer { server in
            try writeDeletionProfile(server)
            let script = "delete devices [<uid: \(Self.laptop02), name: \"LAPTOP-02\">, "
                + "<uid: 00000000-0000-4000-8000-000000000001, name: \"GHOST\">]\n"
            let r = try await run(script, flags: ["--profile", "ops", "--yes"], on: server, environment: profileEnvironment)
            #expect(r.status == 71, "\(r.stderr)")
            #expect(r.stderr.contains("GHOST 00000000-0000-4000-8000-000000000001: FAILED"))
            #expect(server.deletedDevices == 1)
            #expect(server.stats.requests(for: .deviceDeletion) == 1)
            #expect(auditLines.count == 2)
            #expect(auditLines.allSatisfy { $0.contains(#""kind":"deletion""#) })
        }
    }

    @Test func aDeletionWithAnUnknownOutcomeIsNotResent() async throws {
        try await withEmulatorServer { server in
            try writeDeletionProfile(server)
            server.faults.inject(.deviceDeletion, .status(503))
            let r = try await run(Self.delete, flags: ["--profile", "ops", "--yes"], on: server, environment: profileEnvironment)
            #expect(r.status == 70, "\(r.stderr)")
            #expect(r.stderr.contains("query the devices to see which are still present before deleting again"))
            #expect(server.stats.requests(for: .deviceDeletion) == 1)
            #expect(auditLines.last?.contains(#""outcomeUnknown":true"#) == true)
        }
    }

    var profileEnvironment: [String: String] { env.merging(["NEXTHINK_CLIENT_SECRET": "sandbox-secret"]) { $1 } }

    /// Profile `ops`: the emulator, deletions allowed with --yes.
    func writeDeletionProfile(_ server: EmulatorServer) throws {
        try CLI.writeConfig(home: home.path, """
            [profiles.ops]
            api_url = "\(server.baseURL)"
            client_id = "sandbox-client"
            allow_device_deletion = true
            """)
    }

    @Test func invalidDevicesAreNamedBeforeAnythingIsSent() async throws {
        try await withEmulatorServer { server in
            let r = try await run("delete devices [<uid: \"nope\", name: \"X\">, <uid: \(Self.laptop02)>]\n",
                                  flags: ["--dry-run"], on: server)
            #expect(r.status == 65, "\(r.stderr)")
            #expect(r.stderr.contains("row 1: uid 'nope' is not a UUID"))
            #expect(r.stderr.contains("row 2: device \(Self.laptop02) has no name"))
            #expect(server.stats.requests(for: .deviceDeletion) == 0)
        }
    }
}
