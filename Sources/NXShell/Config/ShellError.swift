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
