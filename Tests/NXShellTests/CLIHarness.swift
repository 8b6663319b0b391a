import Foundation
import NexthinkEmulator
import TestSupport
import Testing

/// Runs the built `nxsh` binary as a user would: own environment, optional stdin, captured
/// stdout/stderr and exit status.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var all: String { stdout + stderr }
    }

    /// The binary next to this test bundle (`swift build` puts both in the same directory);
    /// NXSH_BIN overrides.
    static var binary: String {
        if let explicit = ProcessInfo.processInfo.environment["NXSH_BIN"] { return explicit }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return bundle.appendingPathComponent("nxsh").path
    }

    static var binDirectory: String {
        URL(fileURLWithPath: binary).deletingLastPathComponent().path
    }

    /// Repository root (for examples/), found from this file's path.
    static var repositoryRoot: URL {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("examples").path) { return url }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)  // swift test runs at the root
    }

    /// A clean environment: temporary HOME and XDG dirs, no Nexthink settings, no colour.
    static func environment(home: String, extra: [String: String] = [:]) -> [String: String] {
        var env = ["HOME": home, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                   "XDG_CONFIG_HOME": home + "/config", "XDG_CACHE_HOME": home + "/cache",
                   "XDG_STATE_HOME": home + "/state", "NO_COLOR": "1", "LANG": "C.UTF-8"]
        env.merge(extra) { $1 }
        return env
    }

    /// Runs the binary (or `executable`) to completion. Waiting never blocks a cooperative-pool
    /// thread (see `ChildProcess`); a child that hangs is killed and fails only this test.
    static func launch(_ arguments: [String], environment: [String: String], stdin: String? = nil,
                       executable: String? = nil, directory: String? = nil) async throws -> Result {
        let output = try await ChildProcess.run(executable ?? binary, arguments, environment: environment,
                                                input: stdin.map { Data($0.utf8) }, directory: directory)
        return Result(status: output.status, stdout: String(decoding: output.stdout, as: UTF8.self),
                      stderr: String(decoding: output.stderr, as: UTF8.self))
    }

    /// The same as `launch` (kept for existing callers).
    static func run(_ arguments: [String], environment: [String: String], stdin: String? = nil,
                    executable: String? = nil, directory: String? = nil) async throws -> Result {
        try await launch(arguments, environment: environment, stdin: stdin, executable: executable, directory: directory)
    }
}


/// The home a CLI test gives the binary, shared so every suite points it at an emulator and
/// writes its profile the same way.
extension CLI {
    /// `env` pointed at `server` with the emulator's credentials.
    static func connected(_ env: [String: String], to server: EmulatorServer,
                          extra: [String: String] = [:]) -> [String: String] {
        env.merging(["NEXTHINK_API_URL": server.baseURL, "NEXTHINK_CLIENT_ID": "sandbox-client",
                     "NEXTHINK_CLIENT_SECRET": "sandbox-secret"].merging(extra) { $1 }) { $1 }
    }

    /// A `config.toml` under `home` holding `body`, mode 0600 as nxsh requires.
    static func writeConfig(home: String, _ body: String) throws {
        let directory = home + "/config/nxsh"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try body.write(toFile: directory + "/config.toml", atomically: true, encoding: .utf8)
        chmod(directory + "/config.toml", 0o600)
    }

    /// Profile `p`, the default, on `server` with `extra` settings.
    static func writeProfile(home: String, on server: EmulatorServer, _ extra: String) throws {
        try writeConfig(home: home, "default_profile = \"p\"\n[profiles.p]\napi_url = \"\(server.baseURL)\"\n"
                        + "client_id = \"sandbox-client\"\n" + extra)
    }
}
