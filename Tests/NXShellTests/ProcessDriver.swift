import Foundation
import Synchronization

/// Drives the built binary from a dedicated thread (never a cooperative one) in ways
/// `CLI.launch` cannot: stdout to a file such as /dev/full, a stdout pipe closed after the
/// first output, a signal sent once a condition holds. A safety deadline kills a child that
/// hangs, so old behaviour fails the test instead of stalling the run.
enum ProcessDriver {
    struct Options: Sendable {
        var stdoutPath: String?
        var closeStdoutAfterFirstOutput = false
        var signal: Int32?
        var signalWhen: @Sendable () -> Bool = { true }
        var deadlineSeconds: Double = 60
    }

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        /// The child was still running at the deadline and was killed.
        var hung: Bool
    }

    static func run(_ arguments: [String], environment: [String: String], directory: String? = nil,
                    options: Options = Options()) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try drive(arguments, environment, directory, options) })
            }.start()
        }
    }

    private static func drive(_ arguments: [String], _ environment: [String: String], _ directory: String?,
                              _ options: Options) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = arguments
        process.environment = environment
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardInput = FileHandle.nullDevice
        let errPipe = Pipe(), outPipe = Pipe()
        process.standardError = errPipe
        if let path = options.stdoutPath {
            process.standardOutput = FileHandle(forWritingAtPath: path)
        } else {
            process.standardOutput = outPipe
        }
        try process.run()
        let err = collect(errPipe.fileHandleForReading)
        var out: LockedData?
        if options.stdoutPath == nil {
            if options.closeStdoutAfterFirstOutput {
                let first = outPipe.fileHandleForReading.availableData
                try outPipe.fileHandleForReading.close()
                out = LockedData()
                out?.set(first)
            } else {
                out = collect(outPipe.fileHandleForReading)
            }
        }
        let deadline = Date().addingTimeInterval(options.deadlineSeconds)
        if let signal = options.signal {
            while Date() < deadline, process.isRunning, !options.signalWhen() { usleep(20_000) }
            kill(process.processIdentifier, signal)
        }
        while process.isRunning, Date() < deadline { usleep(10_000) }
        let hung = process.isRunning
        if hung { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        while !err.isSet || !(out?.isSet ?? true) { usleep(1000) }
        return Outcome(status: process.terminationStatus, stdout: String(decoding: out?.value ?? Data(), as: UTF8.self),
                       stderr: String(decoding: err.value, as: UTF8.self), hung: hung)
    }

    private static func collect(_ handle: FileHandle) -> LockedData {
        let data = LockedData()
        Thread { data.set(handle.readDataToEndOfFile()) }.start()
        return data
    }
}
