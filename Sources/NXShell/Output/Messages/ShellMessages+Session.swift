import NXLanguage
import NexthinkClient

/// Messages of starting a session: options, sources, the sandbox, the API client, the REPL.
extension ShellMessages {
    static func unknownOption(_ option: String) -> ShellError {
        ShellError("unknown option '\(option)'", notes: ["see `nxsh --help`"], exitCode: ExitStatus.usage)
    }
    static func concurrencyTooLow(_ value: Int) -> String { "--concurrency must be 1 or more, not \(value)" }

    static let expressionSource = "an -e argument"
    static let standardInputSource = "standard input"
    static func scriptSource(_ path: String) -> String { "script '\(path)'" }
    static func cannotReadSource(_ name: String, _ reason: String) -> ShellError {
        ShellError("cannot read \(name): \(reason)", exitCode: ExitStatus.noInput)
    }
    static func cannotOpenScript(_ path: String, exists: Bool) -> ShellError {
        ShellError("cannot open script '\(path)': \(exists ? "permission denied" : "no such file")", exitCode: ExitStatus.noInput)
    }
    static func sourceTooLarge(_ name: String, megabytes: Int) -> ShellError {
        ShellError("\(name) is larger than \(megabytes) MiB; nothing ran",
                   notes: ["split it into smaller scripts, or keep data in files the script reads"],
                   exitCode: ExitStatus.scriptError)
    }

    static func sandboxFailed(_ reason: String) -> ShellError {
        ShellError("cannot start the sandbox emulator: \(reason)", exitCode: ExitStatus.runtime)
    }
    static func emulatorMissing(_ path: String) -> String {
        "no nexthink-emulator program at \(path) (it is installed beside nxsh; NXSH_EMULATOR names another)"
    }
    static func emulatorEnded(_ ending: ChildProcess.Ending) -> String {
        switch ending {
        case .exited(let status): "nexthink-emulator exited with status \(status)"
        case .signalled(let signal): "nexthink-emulator was killed by signal \(signal)"
        case .timedOut, .interrupted: "nexthink-emulator did not start within \(Int(Sandbox.startSeconds)) seconds"
        }
    }
    static func sandboxStarted(_ url: String) -> String {
        "nxsh: sandbox mode: built-in Nexthink emulator at \(url) (demo data, nothing real is touched)"
    }
    static func invalidFault(_ item: String, maxDelay: Int, maxTimes: Int, routes: [String]) -> ShellError {
        ShellError("invalid NXSH_SANDBOX_FAULTS entry '\(item)'",
                   notes: ["expected route:delay:5s (at most \(maxDelay)s), route:status:503 (100-599) or route:drop, "
                           + "optionally *N (1-\(maxTimes))",
                           "routes: " + routes.joined(separator: ", ")],
                   exitCode: ExitStatus.usage)
    }

    static func clientFailed(_ reason: String) -> ShellError {
        ShellError("cannot create the API client: \(reason)", exitCode: ExitStatus.config)
    }
    /// `--verbose`: one attempt, then its headers (already redacted by the client).
    static func trace(_ event: HTTPTraceEvent, milliseconds ms: Int) -> String {
        let outcome = event.status.map { "\($0)" } ?? "no response (\(event.failure ?? "failed"))"
        var lines = ["> \(event.method) \(event.url)  attempt \(event.attempt) -> \(outcome) in \(ms) ms"]
        lines += event.requestHeaders.map { ">   \($0.name): \($0.value)" }
        lines += event.responseHeaders.map { "<   \($0.name): \($0.value)" }
        return lines.joined(separator: "\n")
    }

    static func greeting(_ version: String) -> String { "nxsh \(version) — type `help` for commands, Ctrl-D to quit" }
    static func notConnected(_ error: ShellError) -> ShellError {
        ShellError("not connected: " + error.message, notes: error.notes, exitCode: error.exitCode)
    }
    static func noHelp(_ name: String, topics: [String]) -> String {
        "no help for '\(name)'; topics: " + topics.joined(separator: ", ")
    }
    /// `counts`: "12 remote actions, 9 workflows, 5 campaigns".
    static func catalogueLoaded(_ counts: String) -> String { counts + " loaded" }
    static func refreshFailed(_ reason: String?) -> String { reason.map { "refresh failed: \($0)" } ?? "refresh failed" }
}
