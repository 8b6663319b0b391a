import Foundation
import Testing

/// The built binary in every run mode, without network settings (no API call needed).
@Suite(.serialized) struct CLITests {
    let home: TempDir
    let env: [String: String]

    init() throws {
        home = try TempDir()
        env = CLI.environment(home: home.path)
    }

    @Test func oneLinersRunInOrderAndShareVariables() async throws {
        let r = try await CLI.launch(["-e", "let x = 20", "-e", "print x + 22"], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "42\n")
    }

    @Test func exitZeroSkipsTheRemainingOneLiners() async throws {
        let r = try await CLI.launch(["-e", "print 1", "-e", "if true { exit 0 }", "-e", "print 2"], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "1\n")
    }

    @Test func scriptFileGetsItsArguments() async throws {
        let path = home.path + "/args.nxs"
        try "print count(args)\nfor a in args { print a }\n".write(toFile: path, atomically: true, encoding: .utf8)
        let r = try await CLI.launch([path, "--foo", "two words"], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "2\n--foo\ntwo words\n")
    }

    @Test func stdinIsAScriptWithoutPrompts() async throws {
        let r = try await CLI.launch([], environment: env, stdin: "let a = [1, 2,\n 3]\nprint count(a)\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "3\n")
        #expect(!r.stderr.contains("nxsh>"))
    }

    @Test func shebangScriptRunsThroughPath() async throws {
        let path = home.path + "/hello"
        try "#!/usr/bin/env nxsh\nprint \"hello ${args[0]}\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        var shebangEnv = env
        shebangEnv["PATH"] = CLI.binDirectory + ":" + (env["PATH"] ?? "")
        let r = try await CLI.launch(["world"], environment: shebangEnv, executable: path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "hello world\n")
    }

    @Test func syntaxErrorRunsNothingAndExits65() async throws {
        let path = home.path + "/bad.nxs"
        try "print \"first\"\nlet = 3\n".write(toFile: path, atomically: true, encoding: .utf8)
        let r = try await CLI.launch([path], environment: env)
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("\(path):2:"))
        #expect(r.stderr.contains("error:"))
    }

    @Test func runtimeErrorExits70AndExitSetsStatus() async throws {
        let failing = try await CLI.launch(["-e", "print 1 / 0"], environment: env)
        #expect(failing.status == 70)
        #expect(failing.stderr.hasPrefix("-e:1:"))
        #expect(try await CLI.launch(["-e", "exit 3"], environment: env).status == 3)
    }

    @Test func usageErrors() async throws {
        let missing = try await CLI.launch([home.path + "/nope.nxs"], environment: env)
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("cannot open script"))
        let option = try await CLI.launch(["--bogus"], environment: env)
        #expect(option.status == 64)
        #expect(option.stderr.contains("unknown option '--bogus'"))
    }

    @Test func missingSettingsExplainWhatToSet() async throws {
        let r = try await CLI.launch(["-e", "list"], environment: env)
        #expect(r.status == 64)
        #expect(r.stderr.contains("missing connection settings: instance, region, client id, client secret"))
        #expect(r.stderr.contains("NEXTHINK_CLIENT_ID"))
        #expect(r.stderr.contains("--sandbox"))
    }

    @Test func configErrorsNameTheFile() async throws {
        let dir = home.path + "/config/nxsh"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "[profiles.x]\nregoin = \"eu\"\n".write(toFile: dir + "/config.toml", atomically: true, encoding: .utf8)
        let r = try await CLI.launch(["-e", "print 1"], environment: env)
        #expect(r.status == 78)
        #expect(r.stderr.contains("did you mean 'region'"))
    }

    @Test func helpAndVersion() async throws {
        let help = try await CLI.launch(["--help"], environment: env)
        #expect(help.status == 0)
        #expect(help.stdout.contains("--sandbox"))
        #expect(help.stdout.contains("Examples:"))
        #expect(try await CLI.launch(["--version"], environment: env).stdout.hasPrefix("0."))
        let completion = try await CLI.launch(["--generate-completion-script", "bash"], environment: env)
        #expect(completion.status == 0)
        #expect(completion.stdout.contains("nxsh"))
    }

    @Test func readResolvesAgainstTheScriptDirectory() async throws {
        let dir = home.path + "/runbooks"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "# comment\n\n  a  \nb\n".write(toFile: dir + "/list.txt", atomically: true, encoding: .utf8)
        try "print join(read(\"list.txt\"), \",\")\n".write(toFile: dir + "/r.nxs", atomically: true, encoding: .utf8)
        let r = try await CLI.launch(["runbooks/r.nxs"], environment: env, directory: home.path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "a,b\n")
    }
}
