import NexthinkClient

/// A failure outside the language (bad flags, configuration, files): printed as `nxsh: error: ...`
/// with its notes, then the process exits with `exitCode`.
struct ShellError: UserFacingError, Sendable {
    var message: String
    var notes: [String]
    var exitCode: Int32

    init(_ message: String, notes: [String] = [], exitCode: Int32) {
        self.message = message
        self.notes = notes
        self.exitCode = exitCode
    }

    var userMessage: String { message }
}

/// Process exit statuses (sysexits.h where one fits). docs/shell.md lists them for users.
enum ExitStatus {
    static let ok: Int32 = 0
    static let usage: Int32 = 64
    static let scriptError: Int32 = 65
    static let noInput: Int32 = 66
    static let unreachable: Int32 = 69
    static let runtime: Int32 = 70
    /// A multi-batch `run` where some batches were accepted and others failed, or a truncated export.
    static let partialFailure: Int32 = 71
    /// Output could not be written: stdout (full disk, I/O error) or a file (`nxsh fmt`).
    static let ioError: Int32 = 74
    static let throttled: Int32 = 75
    static let permission: Int32 = 77
    static let config: Int32 = 78
    /// SIGINT or SIGTERM stopped the run.
    static let interrupted: Int32 = 130
    /// stdout's reader went away (128 + SIGPIPE).
    static let brokenPipe: Int32 = 141
}
