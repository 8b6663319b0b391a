import Foundation
import TestSupport
import Testing

/// `--sandbox` runs `nexthink-emulator --nxsh-sandbox` as a child. However nxsh ends (done, an
/// error, SIGTERM, even SIGKILL), no emulator is left behind. The emulator inherits a marker
/// from nxsh's environment, so the test finds it in /proc.
@Suite(.serialized) struct SandboxProcessTests {
    let home: TempDir
    let marker = "NXSH_TEST_MARK=" + UUID().uuidString
    let env: [String: String]

    init() throws {
        home = try TempDir()
        let split = marker.split(separator: "=").map(String.init)
        env = CLI.environment(home: home.path, extra: [split[0]: split[1]])
    }

    /// The sandbox emulators (not nxsh) whose environment holds this test's marker.
    private static func marked(_ marker: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { Int($0) != nil }.filter { pid in
            func words(_ file: String) -> [String] {
                (FileManager.default.contents(atPath: "/proc/\(pid)/\(file)") ?? Data())
                    .split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            }
            return words("cmdline").contains("--nxsh-sandbox") && words("environ").contains(marker)
        }
    }

    #if os(Linux)
    @Test(arguments: [["-e", "print count(list)"], ["-e", "get #no_such_action"], ["-e", "let x ="]])
    func theEmulatorEndsWithNxsh(_ arguments: [String]) async throws {
        let r = try await CLI.launch(["--sandbox"] + arguments, environment: env)
        #expect(r.stderr.contains("nxsh: sandbox mode"), "\(r.stderr)")
        // nxsh reaps its emulator before it exits: nothing to wait for.
        #expect(Self.marked(marker).isEmpty)
    }

    @Test(arguments: [SIGTERM, SIGKILL])
    func theEmulatorEndsWhenNxshIsStopped(_ signal: Int32) async throws {
        var environment = env
        environment["NXSH_SANDBOX_FAULTS"] = "list:delay:60s"
        let marker = self.marker
        var options = ProcessDriver.Options()
        options.signal = signal
        options.signalWhen = { !Self.marked(marker).isEmpty }
        let r = try await ProcessDriver.run(["--sandbox", "-e", "list"], environment: environment, options: options)
        #expect(!r.hung)
        #expect(r.status == (signal == SIGTERM ? 130 : SIGKILL), "\(r.stderr)")
        // Killed, nxsh cannot reap it: the emulator sees its stdin pipe close and stops itself.
        try await eventually { Self.marked(marker).isEmpty }
        #expect(Self.marked(marker).isEmpty)
    }
    #endif

    @Test func aMissingEmulatorIsNamed() async throws {
        let r = try await CLI.launch(["--sandbox", "-e", "print 1"],
                                     environment: env.merging(["NXSH_EMULATOR": home.path + "/nowhere"]) { $1 })
        #expect(r.status == 70, "\(r.stderr)")
        #expect(r.stderr.contains("cannot start the sandbox emulator: no nexthink-emulator program at \(home.path)/nowhere"))
    }
}
