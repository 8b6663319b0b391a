import Foundation
import TestSupport

/// Drives the built binary in ways `CLI.launch` does not: stdout to a file such as /dev/full, a
/// stdout pipe closed after the first output, a signal sent once a condition holds. A hung
/// child is killed at the deadline and reported as `hung`, so old behaviour fails the test
/// instead of stalling the run.
enum ProcessDriver {
    struct Options: Sendable {
        var stdoutPath: String?
        var closeStdoutAfterFirstOutput = false
        var signal: Int32?
        var signalWhen: @Sendable () -> Bool = { true }
        var deadlineSeconds: Int64 = 60
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
        let stdout: ChildProcess.Stdout = options.stdoutPath.map { .file($0) }
            ?? (options.closeStdoutAfterFirstOutput ? .closedAfterFirstOutput : .pipe)
        let child = try ChildProcess(CLI.binary, arguments, environment: environment, directory: directory,
                                     stdout: stdout)
        let deadline = Duration.seconds(options.deadlineSeconds)
        if let signal = options.signal {
            child.send(signal, when: options.signalWhen, within: deadline)
        }
        do {
            let output = try await child.finish(limit: deadline)
            return Outcome(status: output.status, stdout: String(decoding: output.stdout, as: UTF8.self),
                           stderr: String(decoding: output.stderr, as: UTF8.self), hung: false)
        } catch let timeout as ChildProcess.Timeout {
            return Outcome(status: SIGKILL, stdout: timeout.stdout, stderr: timeout.stderr, hung: true)
        }
    }
}
