import Foundation
import Testing

/// The built binary against --sandbox: a dry run cannot be hidden in a scope, a syntax error in
/// any source means nothing ran, and oversized input ends promptly with a clear error.
@Suite struct LanguageSafetyCLITests {
    let home: TempDir
    let env: [String: String]
    static let device = "3fa85f64-5717-4562-b3fc-2c963f66afa6"

    init() throws {
        home = try TempDir()
        env = CLI.environment(home: home.path)
    }

    var auditLog: String {
        (try? String(contentsOfFile: home.path + "/state/nxsh/audit-sandbox.jsonl", encoding: .utf8)) ?? ""
    }

    @Test(arguments: [
        "if true { let dryrun = true; run #flush_dns_cache on [\(device)] }",
        "for dryrun in [true] { run #flush_dns_cache on [\(device)] }",
        "let dryrun = false\nif true { dryrun = true }\nrun #flush_dns_cache on [\(device)]",
    ])
    func scopedDryRunIsRejectedBeforeAnythingRuns(_ script: String) async throws {
        let r = try await CLI.launch(["--sandbox", "--yes", "-e", script], environment: env)
        #expect(r.status == 65)
        #expect(r.stderr.contains("'dryrun' cannot be"))
        #expect(r.stderr.contains("-e:"))
        #expect(!r.all.contains("requestId"))
        #expect(auditLog.isEmpty)
    }

    /// The control for the `auditLog.isEmpty` checks: a run that does go out is recorded there.
    @Test func aRunThatIsSentIsInTheAuditLogTheseTestsRead() async throws {
        let r = try await CLI.launch(["--sandbox", "--yes", "-e", "run #flush_dns_cache on [\(Self.device)]"], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(auditLog.contains("\"intent\""), "\(auditLog)")
    }

    @Test func topLevelDryRunStillRehearses() async throws {
        let r = try await CLI.launch(["--sandbox", "--yes", "-e", "dryrun = true", "-e", "run #flush_dns_cache on [\(Self.device)]"],
                                     environment: env)
        #expect(r.status == 0)
        #expect(!r.stdout.contains("requestId"))
    }

    @Test func aSyntaxErrorInALaterSourceMeansNothingRan() async throws {
        let r = try await CLI.launch(["--sandbox", "--yes", "-e", "run #flush_dns_cache on [\(Self.device)]", "-e", "print ("],
                                     environment: env)
        #expect(r.status == 65)
        #expect(!r.all.contains("requestId"))
        #expect(auditLog.isEmpty)
        #expect(r.stderr.contains("-e:1:"))
    }

    @Test func aResolverErrorInALaterSourceMeansNothingRan() async throws {
        let r = try await CLI.launch(["--sandbox", "--yes", "-e", "let d = [\(Self.device)]", "-e", "run #flush_dns_cache on d",
                                      "-e", "print devz"], environment: env)
        #expect(r.status == 65)
        #expect(!r.all.contains("requestId"))
        #expect(auditLog.isEmpty)
        #expect(r.stderr.contains("-e:1:7: error: unknown variable 'devz'"), "\(r.stderr)")
    }

    @Test func aLaterSourceSeesTheNamesOfTheSourcesBefore() async throws {
        let r = try await CLI.launch(["--sandbox", "-e", "let x = 41", "-e", "print x + 1"], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "42\n")
    }

    @Test func syntaxErrorsOfEverySourceAreReported() async throws {
        let r = try await CLI.launch(["--sandbox", "-e", "print 1", "-e", "print (", "-e", "let = 2"], environment: env)
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.components(separatedBy: "error:").count == 3)
    }

    @Test func endlessStdinEndsWithTheSizeLimit() async throws {
        let r = try await CLI.launch(["-c", "yes 'print 1' | \"$0\" --sandbox", CLI.binary], environment: env,
                                     executable: "/bin/sh")
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("standard input is larger than 64 MiB"))
    }

    @Test func anOversizedScriptFileIsRefusedBeforeAnythingRuns() async throws {
        let path = home.path + "/huge.nxs"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("print 1\n".utf8)))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 70 << 20)
        try handle.close()
        let r = try await CLI.launch(["--sandbox", path], environment: env)
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("is larger than 64 MiB; nothing ran"))
    }

    @Test func zeroBytesOnStdinAreAnErrorNotACrash() async throws {
        let r = try await CLI.launch(["-c", "head -c 1000 /dev/zero | \"$0\" --sandbox", CLI.binary], environment: env,
                                     executable: "/bin/sh")
        #expect(r.status == 65)
        #expect(r.stderr.contains("U+0000"))
        #expect(r.stderr.utf8.count < 2000)
    }

    @Test func aHugeOneLineScriptGetsAShortDiagnostic() async throws {
        let path = home.path + "/long.nxs"
        try ("let x = 1" + String(repeating: " + 1", count: 4000) + " + \"" + String(repeating: "a", count: 1_000_000) + "\" +)")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let r = try await CLI.launch(["--sandbox", path], environment: env)
        #expect(r.status == 65)
        #expect(r.stderr.utf8.count < 2000)
        #expect(r.stderr.contains("…"))
    }
}
