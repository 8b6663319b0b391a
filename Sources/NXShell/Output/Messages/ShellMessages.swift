import NXLanguage

/// Every user-facing text of the shell, in one place: this file (the terminal, processes,
/// commands in general) and its extensions beside it, one per topic. Call sites hold no text;
/// only help stays beside what it describes (REPL/Help.swift, the options in NXShellCommand).
enum ShellMessages {
    static func warning(_ text: String) -> String { "nxsh: warning: \(text)" }

    static func cannotWriteOutput(_ reason: String) -> String { "cannot write output: \(reason)" }

    static let secretCommandFailedToStart = "cannot run client_secret_command"
    static func secretCommandStatus(_ status: Int32) -> String {
        "client_secret_command failed with exit status \(status)"
    }
    static func secretCommandSignal(_ signal: Int32) -> String {
        "client_secret_command was killed by signal \(signal)"
    }
    static let secretCommandEmpty = "client_secret_command printed nothing"
    static func secretCommandTimedOut(_ seconds: Int) -> String {
        "client_secret_command did not finish within \(seconds) s and was stopped"
    }
    static let secretCommandTimeoutNote = "raise `client_secret_timeout` (seconds) in the profile if it needs longer"
    static func secretCommandTooLong(_ limit: Int) -> String {
        "client_secret_command printed more than \(limit) bytes; it should print only the secret"
    }
    static let secretCommandInterrupted = "client_secret_command was interrupted"
}

/// Messages of the commands.
extension ShellMessages {
    static func notImplemented(_ name: String) -> String { "nxsh cannot run '\(name)' yet" }

    static func didYouMean(_ ids: [String]) -> String { "did you mean " + ids.joined(separator: ", ") + "?" }

    static func unknownAction(_ id: String, near: [String]) -> HostError {
        HostError("unknown remote action '\(id)'",
                  notes: (near.isEmpty ? [] : [didYouMean(near)]) + ["`list` shows every remote action"],
                  exitCode: ExitStatus.runtime)
    }

    static func requestProblems(_ count: Int) -> String {
        "\(count) problem\(count == 1 ? "" : "s") in the request, nothing was sent"
    }
    static func httpStatus(_ status: Int) -> String { "HTTP \(status)" }
    /// `not found (HTTP 404 NXQL_1): …`: the kind of failure, its status and code, the service's words.
    static func apiError(_ kind: String, tags: [String], _ message: String) -> String {
        (tags.isEmpty ? kind : "\(kind) (\(tags.joined(separator: " ")))") + ": \(message)"
    }
    static func failedRequest(_ method: String, _ path: String) -> String { "request: \(method) \(path)" }

    static func dryRunType(_ type: String) -> String { "`dryrun` must be true or false, not \(type)" }
    static let dryRunNote = "write `dryrun = true` to rehearse runs, `dryrun = false` to send them"
}
