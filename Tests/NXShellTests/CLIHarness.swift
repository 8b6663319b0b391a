import Foundation
import Synchronization
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
        return URL(fileURLWithPath: "/work/main")
    }

    /// A clean environment: temporary HOME and XDG dirs, no Nexthink settings, no colour.
    static func environment(home: String, extra: [String: String] = [:]) -> [String: String] {
        var env = ["HOME": home, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                   "XDG_CONFIG_HOME": home + "/config", "XDG_CACHE_HOME": home + "/cache",
                   "XDG_STATE_HOME": home + "/state", "NO_COLOR": "1", "LANG": "C.UTF-8"]
        env.merge(extra) { $1 }
        return env
    }

    /// Like `run`, but waits on a dedicated thread. Use it whenever the test process also hosts
    /// an EmulatorServer: a blocked cooperative-pool thread (there are as many as cores, i.e. 2
    /// here) can starve the emulator's handlers and the child then times out.
    static func launch(_ arguments: [String], environment: [String: String], stdin: String? = nil,
                       executable: String? = nil, directory: String? = nil) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Swift.Result {
                    try run(arguments, environment: environment, stdin: stdin, executable: executable, directory: directory)
                })
            }.start()
        }
    }

    static func run(_ arguments: [String], environment: [String: String], stdin: String? = nil,
                    executable: String? = nil, directory: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? binary)
        process.arguments = arguments
        process.environment = environment
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        // Read both pipes concurrently so a chatty stderr cannot block the child.
        let errData = LockedData()
        let reader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errData.isSet { usleep(1000) }
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData.value, as: UTF8.self))
    }
}

final class LockedData: Sendable {
    private let state = Mutex<Data?>(nil)

    func set(_ value: Data) { state.withLock { $0 = value } }
    var isSet: Bool { state.withLock { $0 != nil } }
    var value: Data { state.withLock { $0 ?? Data() } }
}
