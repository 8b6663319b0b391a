import Foundation
import NexthinkEmulator
import TestSupport
import Testing

/// Issue 9, items 5 and 6: text from the service or from files never drives the terminal, and
/// output that cannot be written is an error (full disk) or a quiet stop (closed pipe).
@Suite struct TerminalSafetyCLITests {
    let home: TempDir
    let env: [String: String]
    static let hostile = "Evil\u{1B}]0;pwned\u{07}\u{1B}[2J\u{202E}name\u{9B}"

    init() throws {
        home = try TempDir()
        env = CLI.environment(home: home.path)
    }

    /// The bundled seed with one action renamed to carry terminal escapes.
    private func hostileOptions() throws -> EmulatorOptions {
        let seed = CLI.repositoryRoot.appendingPathComponent("Sources/NexthinkEmulator/Resources/seed.json")
        var data = try JSONSerialization.jsonObject(with: Data(contentsOf: seed)) as? [String: Any] ?? [:]
        var actions = data["remoteActions"] as? [[String: Any]] ?? []
        actions[0]["name"] = Self.hostile
        actions[0]["description"] = "tab\there\nnewline \u{1B}[31mred"
        data["remoteActions"] = actions
        let path = home.path + "/seed.json"
        try JSONSerialization.data(withJSONObject: data).write(to: URL(fileURLWithPath: path))
        var options = EmulatorOptions()
        options.dataFile = path
        return options
    }


    private static func hasControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B || $0.value == 0x202E }
    }

    @Test func serviceTextIsEscapedInTablesBlocksAndPlainValues() async throws {
        try await withEmulatorServer(try hostileOptions()) { server in
            for code in ["list windows", "get #ExampleRA", "print (get #ExampleRA).name", "(get #ExampleRA).description",
                         "[<n: (get #ExampleRA).name, d: (get #ExampleRA).description>]"] {
                let r = try await CLI.launch(["-e", code], environment: CLI.connected(env, to: server))
                #expect(r.status == 0, "\(code): \(r.stderr)")
                #expect(!Self.hasControls(r.all), "\(code) wrote raw controls: \(r.stdout.debugDescription)")
                #expect(r.stdout.contains("Evil\\u{1B}]0;pwned\\u{7}") || code.hasSuffix(".description"), "\(code)")
            }
            let table = try await CLI.launch(["-e", "[<n: (get #ExampleRA).description, k: 1>]"], environment: CLI.connected(env, to: server))
            #expect(table.stdout.split(separator: "\n").count == 3, "a cell with a newline breaks the table: \(table.stdout)")
        }
    }

    @Test func jsonKeepsEveryControlEscaped() async throws {
        try await withEmulatorServer(try hostileOptions()) { server in
            let r = try await CLI.launch(["-o", "json", "-e", "get #ExampleRA"], environment: CLI.connected(env, to: server))
            #expect(r.status == 0)
            #expect(!Self.hasControls(r.stdout))
            let decoded = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
            #expect(decoded?["name"] as? String == Self.hostile)
        }
    }

    @Test func devicesFileLineWithEscapesGivesAnEscapedDiagnostic() async throws {
        try "3fa85f64-5717-4562-b3fc-2c963f66afa6\n\u{1B}]0;pwned\u{07}\u{1B}[2J\n"
            .write(toFile: home.path + "/devices.txt", atomically: true, encoding: .utf8)
        let r = try await CLI.launch(["--sandbox", "--yes", "-e", "run #get_battery_status on read(\"devices.txt\")"],
                                     environment: env, directory: home.path)
        #expect(r.status != 0)
        #expect(r.stderr.contains("invalid"), "\(r.stderr)")
        #expect(r.stderr.contains("\\u{1B}]0;pwned\\u{7}"), "\(r.stderr)")
        #expect(!Self.hasControls(r.stderr), "the diagnostic wrote raw controls: \(r.stderr.debugDescription)")
    }

    @Test func fullDiskIsExit74WithAMessage() async throws {
        var options = ProcessDriver.Options()
        options.stdoutPath = "/dev/full"
        let r = try await ProcessDriver.run(["--sandbox", "-o", "json", "-e", "list windows"], environment: env,
                                            options: options)
        #expect(r.status == 74, "\(r.stderr)")
        #expect(r.stderr.contains("cannot write output: No space left on device"))
    }

    @Test(arguments: ["for i in range(0, 1000) { for j in range(0, 1000) { print i } }",
                      "for i in range(1, 100000) { print count(list windows) }"])
    func closedPipeEndsQuietlyAndPromptly(_ code: String) async throws {
        var options = ProcessDriver.Options()
        options.closeStdoutAfterFirstOutput = true
        let r = try await ProcessDriver.run(["--sandbox", "-e", code], environment: env, options: options)
        #expect(!r.hung, "nxsh kept running after its reader went away")
        #expect(r.status == 141)
        let messages = r.stderr.split(separator: "\n").filter { !$0.hasPrefix("nxsh: sandbox mode:") }
        #expect(messages.isEmpty, "\(r.stderr)")
    }
}
