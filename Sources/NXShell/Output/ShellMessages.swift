/// Messages of the shell's terminal, process and consent handling, in one place.
enum ShellMessages {
    static func cannotWriteOutput(_ reason: String) -> String { "cannot write output: \(reason)" }

    static func consentRequired(_ actionID: String) -> String {
        "refusing to run \(actionID) without confirmation: there is no terminal to ask, nothing was sent"
    }

    static let consentNotes = [
        "pass --yes to run remote actions without asking, or --dry-run to only show what would run",
        "or set `confirm = false` in the profile",
    ]

    static func interruptedRun(_ actionID: String, sent: Int, of total: Int) -> String {
        "interrupted: \(actionID): \(sent) of \(total) batches were sent; no further batch was started"
    }

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
