import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process for tests, awaited without ever blocking a thread of the cooperative pool:
/// the pipes are read on threads of their own and the exit arrives through `terminationHandler`.
/// The pool has one thread per core (two on CI); a test that blocks one can starve an emulator
/// serving another test in this process, and that test's child then times out.
public final class ChildProcess: Sendable {
    public struct Output: Sendable {
        public var status: Int32
        /// Killed by a signal (`status` is then the signal number).
        public var signaled: Bool
        public var stdout: Data
        public var stderr: Data
        public var elapsed: Duration
    }

    /// The child outlived its time limit and was killed: one test fails, the run goes on.
    public struct Timeout: Error, CustomStringConvertible {
        public let command: String
        public let limit: Duration
        public let stdout: String
        public let stderr: String

        public var description: String {
            "\(command) did not finish within \(limit) and was killed\nstdout so far: \(stdout)\nstderr so far: \(stderr)"
        }
    }

    /// Long enough for a loaded two-core machine, short enough that a hang fails one test.
    public static let defaultLimit: Duration = .seconds(240)

    public let pid: Int32
    private let command: String
    private let tracker = Tracker()

    /// Where the child's stdout goes: a pipe read to its end, a file (such as /dev/full), or a
    /// pipe whose reader goes away after the first output (what `| head -1` does).
    public enum Stdout: Sendable {
        case pipe
        case file(String)
        case closedAfterFirstOutput
    }

    /// Starts `executable`; stdin is `input` (then closed) or /dev/null.
    public init(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                input: Data? = nil, directory: String? = nil, stdout: Stdout = .pipe) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        if case .file(let path) = stdout {
            guard let file = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileNoSuchFile) }
            process.standardOutput = file
        } else {
            process.standardOutput = out
        }
        process.standardError = err
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        command = ([URL(fileURLWithPath: executable).lastPathComponent] + arguments).joined(separator: " ")
        let tracker = self.tracker
        process.terminationHandler = { p in
            let exit = (p.terminationStatus, p.terminationReason == .uncaughtSignal, ContinuousClock.now)
            tracker.advance { $0.exit = exit }
        }
        try process.run()
        pid = process.processIdentifier
        switch stdout {
        case .pipe: tracker.drain(out.fileHandleForReading, \.stdout)
        case .file: tracker.advance { $0.openPipes -= 1 }
        case .closedAfterFirstOutput: tracker.drain(out.fileHandleForReading, \.stdout, chunks: 1)
        }
        tracker.drain(err.fileHandleForReading, \.stderr)
        if let input {
            let writer = stdin.fileHandleForWriting
            Thread {
                try? writer.write(contentsOf: input)
                try? writer.close()
            }.start()
        }
    }

    /// Runs a child to completion and returns what it printed.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                           input: Data? = nil, directory: String? = nil,
                           limit: Duration = defaultLimit) async throws -> Output {
        try await ChildProcess(executable, arguments, environment: environment, input: input, directory: directory)
            .finish(limit: limit)
    }

    /// False once the child has exited.
    public var isRunning: Bool { tracker.running }

    /// Sends `signal` to the child (no effect once it has exited).
    public func send(_ signal: Int32) {
        if isRunning { kill(pid, signal) }
    }

    /// Sends `signal` as soon as `condition` holds (or at `limit`), watched from a thread of its
    /// own: a poller on the cooperative pool can be starved for seconds on a loaded machine and
    /// then signal too late. Await `finish` as usual afterwards.
    public func send(_ signal: Int32, when condition: @escaping @Sendable () -> Bool,
                     within limit: Duration = defaultLimit) {
        let deadline = ContinuousClock.now + limit
        Thread { [self] in
            while isRunning, !condition(), ContinuousClock.now < deadline { usleep(5_000) }
            send(signal)
        }.start()
    }

    /// Waits for the exit and the end of both pipes. After `limit` (or when the task is
    /// cancelled) the child is killed and `Timeout` (or `CancellationError`) is thrown at once:
    /// a grandchild may keep the pipes open.
    public func finish(limit: Duration = defaultLimit) async throws -> Output {
        let watchdog = Task { [self] in
            try await Task.sleep(for: limit)
            // Fail first: once killed, the child's exit would otherwise race in as a result.
            tracker.advance { $0.failure = $0.timeout(command, limit) }
            send(SIGKILL)
        }
        defer { watchdog.cancel() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                tracker.advance { $0.waiter = continuation }
            }
        } onCancel: {
            tracker.advance { $0.failure = CancellationError() }
            send(SIGKILL)
        }
    }
}

/// What is known so far about one child, and who waits for it.
private final class Tracker: Sendable {
    struct Progress {
        let started = ContinuousClock.now
        var stdout = Data(), stderr = Data()
        var openPipes = 2
        var exit: (status: Int32, signaled: Bool, at: ContinuousClock.Instant)?
        var failure: (any Error)?
        var waiter: CheckedContinuation<ChildProcess.Output, any Error>?

        func timeout(_ command: String, _ limit: Duration) -> ChildProcess.Timeout {
            ChildProcess.Timeout(command: command, limit: limit, stdout: String(decoding: stdout, as: UTF8.self),
                                 stderr: String(decoding: stderr, as: UTF8.self))
        }

        var result: Result<ChildProcess.Output, any Error>? {
            if let failure { return .failure(failure) }
            guard openPipes == 0, let exit else { return nil }
            return .success(ChildProcess.Output(status: exit.status, signaled: exit.signaled, stdout: stdout,
                                                stderr: stderr, elapsed: exit.at - started))
        }
    }

    private let state = Mutex(Progress())

    var running: Bool { state.withLock { $0.exit == nil } }

    /// Applies `change`, then resumes the waiter once the outcome is known (exactly once).
    func advance(_ change: (inout Progress) -> Void) {
        let ready = state.withLock { p -> (CheckedContinuation<ChildProcess.Output, any Error>, Result<ChildProcess.Output, any Error>)? in
            change(&p)
            guard let waiter = p.waiter, let result = p.result else { return nil }
            p.waiter = nil
            p.failure = nil
            p.openPipes = -1   // resumed: nothing further completes
            return (waiter, result)
        }
        ready.map { $0.0.resume(with: $0.1) }
    }

    /// Reads a pipe to its end (or for `chunks` reads, then closes it) on a thread of its own:
    /// blocking reads are fine there.
    func drain(_ handle: FileHandle, _ field: WritableKeyPath<Progress, Data> & Sendable, chunks: Int = .max) {
        Thread { [self] in
            var left = chunks
            while left > 0 {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                state.withLock { $0[keyPath: field].append(chunk) }
                left -= 1
            }
            if left == 0 { try? handle.close() }
            advance { $0.openPipes -= 1 }
        }.start()
    }
}
