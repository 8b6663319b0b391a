import Foundation
import NexthinkEmulator
import TestSupport
import Testing

/// The built `nxsh` binary against an emulator in this process: the test injects faults and
/// reads the emulator's counters, while the outcome is what a user sees (exit status, stdout,
/// stderr). Each session has its own HOME, so token caches never leak between tests.
struct ShellSession {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var elapsed: Duration
    }

    let server: EmulatorServer
    let home: URL

    /// Next to the test bundle (`swift build --build-tests` puts both there); NXSH_BIN overrides.
    static var binary: String {
        if let explicit = ProcessInfo.processInfo.environment["NXSH_BIN"] { return explicit }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("nxsh").path
    }

    var environment: [String: String] {
        let h = home.path
        return ["HOME": h, "XDG_CONFIG_HOME": h + "/config", "XDG_CACHE_HOME": h + "/cache", "XDG_STATE_HOME": h + "/state",
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "NO_COLOR": "1", "LANG": "C.UTF-8",
                "NEXTHINK_API_URL": server.baseURL, "NEXTHINK_CLIENT_ID": server.options.clientID,
                "NEXTHINK_CLIENT_SECRET": server.options.clientSecret]
    }

    /// Runs nxsh to completion; waiting never blocks a cooperative-pool thread (see `ChildProcess`).
    func nxsh(_ arguments: [String], environment extra: [String: String] = [:]) async throws -> Result {
        let binary = Self.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary), "no nxsh binary at \(binary): run swift build first")
        let output = try await ChildProcess.run(binary, arguments, environment: environment.merging(extra) { $1 })
        return Result(status: output.status, stdout: String(decoding: output.stdout, as: UTF8.self),
                      stderr: String(decoding: output.stderr, as: UTF8.self), elapsed: output.elapsed)
    }
}

/// Runs `body` with a fresh emulator (port 0) and a private HOME, always cleaning both up.
func withShell<T>(_ options: EmulatorOptions = .init(), _ body: (ShellSession) async throws -> T) async throws -> T {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("nxsh-fault-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: home) }
    return try await withEmulatorServer(options) { try await body(ShellSession(server: $0, home: home)) }
}

/// One device of the seed fleet's shape; the emulator accepts any well-formed id.
let faultDevice = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
let runOneDevice = "run #get_battery_status on [\(faultDevice)]"
