/// Messages of the shell layer that are not errors of the language, in one place.
enum ShellText {
    static func auditCount(_ limit: Int) -> String {
        "audit takes a count of 0 or more, not \(limit)"
    }

    static func notARequestID(_ text: String) -> String {
        "'\(text)' is not a request id (request ids are UUIDs)"
    }

    static let requestIDHint = "pass the result of `run` (`let r = run ...`, then `wait r`) or a request id from `audit`"

    static func auditCorrupt(_ count: Int, path: String) -> String {
        "nxsh: warning: \(count) line\(count == 1 ? " is" : "s are") not an audit record in \(path) "
            + "(torn by a crash or edited); \(count == 1 ? "it was" : "they were") skipped"
    }
}
