import NXLanguage

/// Messages of `audit`, `status` and `wait`.
extension ShellMessages {
    static func auditCount(_ limit: Int) -> String {
        "audit takes a count of 0 or more, not \(limit)"
    }

    static func notARequestID(_ text: String) -> String {
        "'\(text)' is not a request id (request ids are UUIDs)"
    }

    static let requestIDHint = "pass the result of `run` (`let r = run ...`, then `wait r`) or a request id from `audit`"

    static let auditSending = "sending"
    static func auditFailed(_ error: String, outcomeUnknown: Bool) -> String {
        (outcomeUnknown ? "OUTCOME UNKNOWN: " : "failed: ") + error
    }

    static func auditCorrupt(_ count: Int, path: String) -> String {
        "nxsh: warning: \(count) line\(count == 1 ? " is" : "s are") not an audit record in \(path) "
            + "(torn by a crash or edited); \(count == 1 ? "it was" : "they were") skipped"
    }

    static let noRequestID = "this record has no requestId"
    static let dryRunResultHint = "this is a dry-run result: nothing was sent, so there is nothing to follow"
    static let runResultHint = "pass the result of `run`, e.g. `let r = run ...` then `status r`"
    static func statusOperand(_ type: String) -> String { "status needs a run result or a request id, got \(type)" }

    static func waitProgress(_ counts: String) -> String { "wait: " + counts }
    static func statusCount(_ n: Int, _ status: String) -> String { "\(n) \(status)" }
    static func waitingCount(_ n: Int) -> String { "\(n) waiting" }
    static func waitAllFinal(_ total: Int, seconds: Int64) -> String { "wait: all \(total) executions final after \(seconds)s" }
    static func waitTimedOut(seconds: Int64, waiting: Int, of total: Int, expected: Int?) -> String {
        "wait: timeout \(seconds)s reached with \(waiting) of \(total) executions not final"
            + (expected.flatMap { $0 > total ? " (\($0 - total) devices not reported yet)" : nil } ?? "")
    }
}

/// Messages of the device ids given to `run ... on`.
extension ShellMessages {
    static func devicePosition(_ index: Int, _ place: ListOrigin.Place?) -> String {
        "at position \(index + 1)" + (place.map { " (\($0.source) line \($0.line))" } ?? "")
    }
    static let deviceExample = "devices are collector UUIDs like 3fa85f64-5717-4562-b3fc-2c963f66afa6"
    static func invalidDeviceID(_ what: String, _ place: String) -> String { "invalid device id \(what) \(place)" }
    static func invalidDeviceIDs(_ count: Int, of total: Int) -> String { "\(count) invalid device ids of \(total); nothing was sent" }
    static func invalidDeviceEntry(_ place: String, _ what: String) -> String { "\(place): \(what)" }
    static func deviceText(_ text: String) -> String { "'\(text.prefix(80))'" }
    static let deviceRecord = "(a record without device.collector.uid)"
    static let deviceNestedList = "(a nested list)"
    static func deviceOfType(_ type: String) -> String { "(\(type))" }
}
