import Foundation
import NXLanguage
import NexthinkClient
import NexthinkEmulator
import TestSupport
import Testing
@testable import NXShell

/// What users read when things go wrong: request ids are checked, library errors become plain
/// phrases (never a Swift value dump), and `help` covers every command.
@Suite(.serialized) struct ShellUXTests {
    let home: TempDir
    let env: [String: String]

    init() throws {
        home = try TempDir()
        env = CLI.environment(home: home.path)
    }

    static let swiftDumps = ["CancellationError(", "handshakeFailed(", "NIOSSL", "ShellError(", "HTTPClientError", "message:"]

    func expectNoDump(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for dump in Self.swiftDumps {
            #expect(!text.contains(dump), "internal text '\(dump)' in: \(text)", sourceLocation: sourceLocation)
        }
    }

    @Test func waitRejectsSomethingThatIsNotARequestId() async throws {
        let r = try await CLI.launch(["--sandbox", "-e", #"wait "nope" timeout 3s"#], environment: env)
        #expect(r.status == 70, "\(r.all)")
        #expect(r.stderr.contains("'nope' is not a request id (request ids are UUIDs)"), "\(r.stderr)")
    }

    @Test func aTLSHandshakeFailureIsAPlainSentence() async throws {
        try await withEmulatorServer { server in
            let https = server.baseURL.replacingOccurrences(of: "http://", with: "https://")
            let r = try await CLI.launch(["-e", "list"], environment: env.merging(
                ["NEXTHINK_API_URL": https, "NEXTHINK_CLIENT_ID": "c", "NEXTHINK_CLIENT_SECRET": "s"]) { $1 })
            #expect(r.status == 69, "\(r.all)")
            #expect(r.stderr.contains("TLS handshake failed"), "\(r.stderr)")
            expectNoDump(r.stderr)
        }
    }

    /// The audit record of a batch cannot be written (disk full): the batch is not sent and
    /// the reason is the shell's message, not the error's Swift value.
    @Test func anAuditWriteFailureSaysSoPlainly() async throws {
        try await withEmulatorServer { server in
            let dir = home.path + "/config/nxsh"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try """
                [profiles.full]
                api_url = "\(server.baseURL)"
                client_id = "sandbox-client"
                audit_log = "/dev/full"
                """.write(toFile: dir + "/config.toml", atomically: true, encoding: .utf8)
            let r = try await CLI.launch(["--profile", "full", "--yes", "-e",
                                          "run #get_battery_status on [3fa85f64-5717-4562-b3fc-2c963f66afa6]"],
                                         environment: env.merging(["NEXTHINK_CLIENT_SECRET": "sandbox-secret"]) { $1 })
            #expect(r.status != 0)
            #expect(r.stderr.contains("cannot write to the audit log /dev/full"), "\(r.stderr)")
            #expect(server.stats.executionCount == 0)
            expectNoDump(r.stderr)
        }
    }

    private enum Opaque: Error { case unexpectedHostFailure(code: Int) }

    @Test func libraryErrorsHavePlainPhrases() {
        #expect(ErrorPhrase.plain(CancellationError()) == "interrupted")
        #expect(ErrorPhrase.plain(POSIXError(.ECONNREFUSED)) == String(cString: strerror(ECONNREFUSED)))
        #expect(ErrorPhrase.plain(ShellError("disk full", exitCode: 70)) == "disk full")
        #expect(ErrorPhrase.plain(Opaque.unexpectedHostFailure(code: 3)) == "an unexpected internal error occurred")
        let mapped = ErrorMapping.hostError(Opaque.unexpectedHostFailure(code: 3))
        #expect((mapped as? HostError)?.message == "an unexpected internal error occurred")
        #expect(ErrorMapping.hostError(CancellationError()) is CancellationError)
    }

    @Test func helpCoversWaitAndAudit() {
        let general = Help.answer("help") ?? ""
        #expect(general.contains("wait") && general.contains("audit"))
        #expect(Help.answer("help wait")?.contains("timeout") == true)
        #expect(Help.answer("help audit")?.contains("audit 100") == true)
    }
}
