import NXLanguage
import NexthinkClient

/// Messages of state-changing commands (`StateChangeGate`).
extension ShellMessages {
    static func consentRequired(_ actionID: String) -> String {
        "refusing to run \(actionID) without confirmation: there is no terminal to ask, nothing was sent"
    }

    static let consentNotes = [
        "pass --yes to go ahead without asking, or --dry-run to only show what would be sent",
        "or set `confirm = false` in the profile",
    ]

    static func interruptedRun(_ actionID: String, sent: Int, of total: Int) -> String {
        "nxsh: interrupted: \(actionID): \(sent) of \(total) batches were sent; no further batch was started"
    }

    static func readOnly(_ profile: String, _ refusal: String) -> String { "\(profile) is read-only: \(refusal)" }
    static func readOnlyNote(_ command: String) -> String {
        "remove `read_only = true` from the profile to allow `\(command)`"
    }
    static func notAllowed(_ id: String, _ key: String, _ profile: String) -> String {
        "\(id) is not in \(key) of \(profile)"
    }
    static func allowedNote(_ allowed: [String]) -> String { "allowed: " + allowed.joined(separator: ", ") }
    static func cancelled(_ id: String) -> String { "cancelled: \(id) was not run" }
    static func profileName(_ label: String?) -> String { label.map { "profile '\($0)'" } ?? "this profile" }
    static let nothingSent = "nothing was sent"
}

/// Messages of `run`.
extension ShellMessages {
    static func duplicatesDropped(_ n: Int, unique: Int) -> String {
        "nxsh: dropped \(n) duplicate device id\(n == 1 ? "" : "s") (\(unique) unique)"
    }
    /// A `RemoteActionTriggerProblem`, in the client's words.
    static func notAPIEnabled(_ problem: RemoteActionTriggerProblem) -> String { "remote action \(problem.summary)" }
    static func notAPIEnabledNote(_ problem: RemoteActionTriggerProblem) -> String {
        "its targeting.apiEnabled is false; \(problem.remedy)"
    }
    static func invalidRequest(_ id: String, problems count: Int) -> String {
        "cannot run \(id): \(count) problem\(count == 1 ? "" : "s") in the request, nothing was sent"
    }
}

/// The confirmation prompt of `run`.
extension ShellMessages {
    static func aboutToRun(_ id: String, _ name: String, devices count: Int, batches: Int) -> String {
        "About to run \(id) (\(name)) on \(count) device\(count == 1 ? "" : "s")" + (batches > 1 ? " in \(batches) batches" : "")
    }
    static func promptParam(_ key: String, _ value: String) -> String { "  \(key) = \(value)" }
    static func promptExpires(_ minutes: Int) -> String { "  expires in \(minutes) minutes" }
    static func promptReason(_ reason: String) -> String { "  reason: \(reason)" }
    static let proceed = "Proceed? [y/N] "
    static let runRefusal = "remote actions cannot be run"
}

/// The report of a dry run (`--dry-run`, `dryrun = true`).
extension ShellMessages {
    static func dryRunHead(_ id: String, _ name: String, devices count: Int, batches n: Int, concurrency: Int) -> String {
        "dry run: would run \(id) (\(name)) on \(count) device\(count == 1 ? "" : "s") in \(n) batch\(n == 1 ? "" : "es") "
            + "(up to \(concurrency) at a time); nothing was sent"
    }
    static func dryRunDuplicates(_ n: Int) -> String { "  \(n) duplicate device ids dropped" }
    static func dryRunBatch(_ index: Int, _ noun: String, range: String, count: Int) -> String { "  batch \(index): \(noun) \(range) (\(count))" }
    static func dryRunParam(_ key: String, _ value: String) -> String { "  param \(key) = \(value)" }
    static func dryRunBody(_ endpoint: String) -> String { "  \(endpoint), body of batch 1:" }
    static let unencodableRequest = "(cannot encode the request)"
    /// `last` as written in the JSON (quoted string, record...).
    static func elidedItems(_ last: String, hidden: Int) -> String { "\(last), ... \(hidden) more]" }
}

/// Messages of a run in batches (`StateChangeRun`) and of its audit log.
extension ShellMessages {
    static func runProgress(done: Int, of batches: Int, items: Int, _ noun: String, failed: Int) -> String {
        "run: \(done)/\(batches) batches sent, \(items) \(noun) accepted" + (failed > 0 ? ", \(failed) failed" : "")
    }
    /// Some batches failed (`problems`), or accepted ones left items undone (`shortfall`).
    /// Items not acted on listed one by one in the warning (`noun` is plural); the run result has them all.
    static let notActedOnShown = 20
    static func partialRun(_ id: String, accepted: Int, of total: Int, problems: [String], shortfall: [String],
                           _ noun: String) -> String {
        var lines: [String] = []
        if !problems.isEmpty {
            lines += [warning("\(id): \(accepted) of \(total) batches accepted")] + problems.map { "  " + $0 }
        }
        if !shortfall.isEmpty {
            let shown = shortfall.prefix(notActedOnShown).map { "  " + $0 }
            let more = shortfall.count > notActedOnShown ? ["  ... and \(shortfall.count - notActedOnShown) more (the run result lists every one)"] : []
            lines += [warning("\(id): \(shortfall.count) \(shortfall.count == 1 ? String(noun.dropLast()) : noun) not acted on")] + shown + more
        }
        return (lines + ["  the run result lists every batch; the audit log has them too"]).joined(separator: "\n")
    }
    /// `unknownAdvice` when the outcome is unknown: what to do before sending again.
    static func batchFailed(_ index: Int, _ noun: String, range: String, _ message: String, unknownAdvice: String?) -> String {
        "batch \(index) (\(noun) \(range)) failed: \(message)" + (unknownAdvice.map { "; OUTCOME UNKNOWN: " + $0 } ?? "")
    }
    static let runUnknownAdvice = "these devices may or may not run it, check `status` before retrying"
    static let campaignUnknownAdvice = "these users may or may not have been acted on, check `status` before retrying"
    static func batchNotSent(_ index: Int, _ noun: String, range: String, _ reason: String) -> String {
        "batch \(index) (\(noun) \(range)) \(reason)"
    }

    static let auditUnencodable = "cannot encode an audit record"
    static let auditOpen = "cannot open", auditLock = "cannot lock", auditWrite = "cannot write to"
    static func auditFailure(_ what: String, path: String, _ reason: String) -> ShellError {
        ShellError("\(what) the audit log \(path): \(reason)",
                   notes: ["set `audit_log = \"/path/audit.jsonl\"` in the profile to log elsewhere",
                           "nothing is sent without its audit record"],
                   exitCode: ExitStatus.runtime)
    }
    static func auditUnreadable(_ path: String, _ reason: String) -> ShellError {
        ShellError("cannot read the audit log \(path): \(reason)", notes: ["check its permissions"], exitCode: ExitStatus.noInput)
    }
}
