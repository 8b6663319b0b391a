import Foundation
import NXLanguage
import NexthinkClient
import Testing
@testable import NXShell

/// Numbers from outside (environment, options, records, the token cache) never trap: they are
/// clamped or refused with a usage error (issue 9, item 3). The binaries run as child
/// processes, so a trap fails one test instead of the whole run.
@Suite struct NumericSafetyTests {
    let home: TempDir
    let env: [String: String]

    init() throws {
        home = try TempDir()
        env = CLI.environment(home: home.path)
    }

    @Test(arguments: ["*", "token:delay:1e300", "token:delay:-1", "token:delay:nan", "token:status:99999",
                      "token:drop*99999999999999999999", "token:drop*"])
    func absurdSandboxFaultsAreUsageErrors(_ faults: String) async throws {
        let r = try await CLI.launch(["--sandbox", "-e", "print 1"],
                                     environment: env.merging(["NXSH_SANDBOX_FAULTS": faults]) { $1 })
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains("invalid NXSH_SANDBOX_FAULTS entry"))
    }

    @Test func waitOnAnAbsurdRecordDoesNotTrap() async throws {
        let huge = "9223372036854775807"
        let record = "<requestId: \"a\", expiresInMinutes: \(huge), deviceCount: \(huge), failedBatches: 1, "
            + "batchResults: [<requestId: \"a\", deviceCount: \(huge)>, <requestId: \"b\", deviceCount: \(huge)>]>"
        // The status query fails at once, so `wait` ends right after computing its limits.
        let r = try await CLI.launch(["--sandbox", "-e", "wait \(record)"],
                                     environment: env.merging(["NXSH_SANDBOX_FAULTS": "nqlExecute:status:400"]) { $1 })
        #expect(!r.stderr.contains("Fatal error"), "\(r.stderr)")
        #expect((1...125).contains(r.status), "exit \(r.status): \(r.stderr)")
    }

    @Test func waitDefaultTimeoutIsClamped() {
        let target = Value.record(Record([("expiresInMinutes", .int(Int.max))]))
        #expect(FleetWait.defaultTimeout(target) == (FleetWait.maxExpiryMinutes + 5) * 60)
        #expect(FleetWait.defaultTimeout(.record(Record([("expiresInMinutes", .int(Int.min))]))) == 5 * 60)
    }

    @Test(arguments: [["--token-lifetime", "1e300"], ["--token-lifetime=-1"], ["--time-scale", "1e300"],
                      ["--port", "99999999"]])
    func emulatorRejectsAbsurdOptions(_ arguments: [String]) async throws {
        let r = try await CLI.launch(arguments, environment: env, executable: CLI.binDirectory + "/nexthink-emulator")
        #expect(r.status == 64, "exit \(r.status): \(r.all)")
        #expect(r.stderr.contains("must be"))
    }

    @Test func absurdCachedTokenIsIgnored() throws {
        let store = DiskTokenStore(directory: home.path + "/cache/nxsh")
        let token = StoredToken(accessToken: Secret("tok"), tokenType: "Bearer", scope: nil,
                                expiresAt: Date().addingTimeInterval(1e15))
        store.save(token, key: "k")
        #expect(store.load(key: "k") == nil)
    }
}
