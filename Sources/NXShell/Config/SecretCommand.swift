#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NXLanguage

/// Runs `client_secret_command` through /bin/sh; its trimmed stdout is the secret. Neither the
/// output nor the command text is ever shown (the command may hold the secret inline): a
/// failure is reported by its exit status only. The command gets a deadline, an output cap,
/// and stops on Ctrl-C; on any of those its whole process group is killed.
struct SecretCommand: Sendable {
    var command: String
    var timeoutSeconds: Int = 30
    /// A secret is short; more than this is a mistake (`cat` of the wrong file, `yes`).
    var outputLimit = 64 * 1024
    /// Checked between polls: a Ctrl-C not yet taken (the REPL connects before any task
    /// exists) or the task's cancellation.
    var cancelled: @Sendable () -> Bool = { Task.isCancelled || Interrupts.pending }

    func run() throws(ShellError) -> String {
        let child = try ChildProcess.spawnShell(command)
        defer { child.closeOutput() }
        var output: [UInt8] = []
        let deadline = ChildProcess.now() + Double(timeoutSeconds)
        while true {
            if cancelled() {
                child.kill()
                throw ShellError(ShellMessages.secretCommandInterrupted, exitCode: ExitStatus.interrupted)
            }
            if ChildProcess.now() >= deadline {
                child.kill()
                throw ShellError(ShellMessages.secretCommandTimedOut(timeoutSeconds),
                                 notes: [ShellMessages.secretCommandTimeoutNote], exitCode: ExitStatus.config)
            }
            guard let chunk = child.readOutput(waitingMilliseconds: 100) else { break }
            output += chunk
            if output.count > outputLimit {
                child.kill()
                throw ShellError(ShellMessages.secretCommandTooLong(outputLimit), exitCode: ExitStatus.config)
            }
        }
        try check(child.waitForExit(until: deadline, cancelled: cancelled))
        let secret = String(decoding: output, as: UTF8.self).trimmingSpaces()
        guard !secret.isEmpty else { throw ShellError(ShellMessages.secretCommandEmpty, exitCode: ExitStatus.config) }
        return secret
    }

    private func check(_ ending: ChildProcess.Ending) throws(ShellError) {
        switch ending {
        case .exited(0): return
        case .exited(let status):
            throw ShellError(ShellMessages.secretCommandStatus(status), exitCode: ExitStatus.config)
        case .signalled(let signal):
            throw ShellError(ShellMessages.secretCommandSignal(signal), exitCode: ExitStatus.config)
        case .timedOut:
            throw ShellError(ShellMessages.secretCommandTimedOut(timeoutSeconds),
                             notes: [ShellMessages.secretCommandTimeoutNote], exitCode: ExitStatus.config)
        case .interrupted:
            throw ShellError(ShellMessages.secretCommandInterrupted, exitCode: ExitStatus.interrupted)
        }
    }
}
