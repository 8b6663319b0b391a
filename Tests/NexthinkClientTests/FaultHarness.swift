import Foundation
import NexthinkEmulator
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

    /// Runs nxsh to completion on a thread of its own (waiting must not block the test executor).
    func nxsh(_ arguments: [String], environment extra: [String: String] = [:]) async throws -> Result {
        let binary = Self.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary), "no nxsh binary at \(binary): run swift build first")
        let env = environment.merging(extra) { $1 }
        return try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Swift.Result(catching: { try Self.run(binary, arguments, env) }))
            }.start()
        }
    }

    private static func run(_ binary: String, _ arguments: [String], _ environment: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        // stderr on its own thread so neither pipe can fill up and stall the child.
        let errText = ErrText()
        let reader = Thread { errText.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = errText.wait()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self), elapsed: clock.now - start)
    }
}

/// Hands the stderr bytes from the reader thread to the waiting one.
private final class ErrText: @unchecked Sendable {
    private let done = NSCondition()
    private var data: Data?

    func set(_ value: Data) {
        done.lock()
        data = value
        done.signal()
        done.unlock()
    }

    func wait() -> Data {
        done.lock()
        defer { done.unlock() }
        while data == nil { done.wait() }
        return data ?? Data()
    }
}

/// Runs `body` with a fresh emulator (port 0) and a private HOME, always cleaning both up.
func withShell<T>(_ options: EmulatorOptions = .init(), _ body: (ShellSession) async throws -> T) async throws -> T {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("nxsh-fault-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    let server = try await EmulatorServer.start(options)
    defer { try? FileManager.default.removeItem(at: home) }
    do {
        let result = try await body(ShellSession(server: server, home: home))
        await server.shutdown()
        return result
    } catch {
        await server.shutdown()
        throw error
    }
}

/// One device of the seed fleet's shape; the emulator accepts any well-formed id.
let faultDevice = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
let runOneDevice = "run #get_battery_status on [\(faultDevice)]"
