/// The shell's messages (terminal, processes, consent, commands), in one place.
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

/// Messages of the commands.
extension ShellMessages {
    static func notImplemented(_ name: String) -> String { "nxsh cannot run '\(name)' yet" }

    static func dryRunType(_ type: String) -> String { "`dryrun` must be true or false, not \(type)" }
    static let dryRunNote = "write `dryrun = true` to rehearse runs, `dryrun = false` to send them"
}

/// Messages of state-changing commands (`StateChangeGate`).
extension ShellMessages {
    static func readOnly(_ profile: String, _ refusal: String) -> String { "\(profile) is read-only: \(refusal)" }
    static func readOnlyNote(_ command: String) -> String {
        "remove `read_only = true` from the profile to allow `\(command)`"
    }
    static func notAllowed(_ id: String, _ key: String, _ profile: String) -> String {
        "\(id) is not in \(key) of \(profile)"
    }
    static func allowedNote(_ allowed: [String]) -> String { "allowed: " + allowed.joined(separator: ", ") }
    static func cancelled(_ id: String) -> String { "cancelled: \(id) was not run" }
}

/// Messages of `run`.
extension ShellMessages {
    static func duplicatesDropped(_ n: Int, unique: Int) -> String {
        "nxsh: dropped \(n) duplicate device id\(n == 1 ? "" : "s") (\(unique) unique)"
    }
    static func notAPIEnabled(_ id: String) -> String { "remote action \(id) is not enabled for the API" }
    static let notAPIEnabledNote = "its targeting.apiEnabled is false; enable API targeting in Nexthink first"
    static func invalidRequest(_ id: String, problems count: Int) -> String {
        "cannot run \(id): \(count) problem\(count == 1 ? "" : "s") in the request, nothing was sent"
    }
}

/// Messages of `audit`, `status` and `wait`.
extension ShellMessages {
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

/// Messages of `run campaign`.
extension ShellMessages {
    static func invalidUsers(_ count: Int, of total: Int) -> String {
        "\(count) invalid user\(count == 1 ? "" : "s") of \(total); nothing was sent"
    }
    static func notAUser(_ what: String) -> String { "\(what) is not a user SID" }
    static let recordWithoutSID = "a record without user.sid"
    static func moreInvalidUsers(_ n: Int) -> String { "and \(n) more" }
    static func duplicateUsersDropped(_ n: Int, unique: Int) -> String {
        "dropped \(n) duplicate user SID\(n == 1 ? "" : "s") (\(unique) unique)"
    }
    static func duplicateUsersLine(_ n: Int) -> String { "\(n) duplicate user SID\(n == 1 ? "" : "s") dropped" }
    static func unknownCampaign(_ id: String) -> String { "unknown campaign '\(id)'" }
    static let campaignListNote = "`list campaigns` shows every campaign"
    static func invalidCampaignRequest(_ id: String, problems count: Int) -> String {
        "cannot send \(id): \(count) problem\(count == 1 ? "" : "s") in the request, nothing was sent"
    }
    /// Starts like `run`'s prompt ("About to run"), which the doc tests know as a dialogue.
    static func aboutToSend(_ title: String, users: Int, batches: Int) -> String {
        "About to run campaign \(title) for \(users) user\(users == 1 ? "" : "s")" + (batches > 1 ? " in \(batches) batches" : "")
    }
    static func campaignExpiry(_ minutes: Int) -> String { "expires in \(minutes) minutes" }
    static func campaignDryRun(_ title: String, users: Int, batches: Int, concurrency: Int) -> String {
        "dry run: would send campaign \(title) to \(users) user\(users == 1 ? "" : "s") in \(batches) batch\(batches == 1 ? "" : "es") "
            + "(up to \(concurrency) at a time); nothing was sent"
    }
    static func userNotTargeted(_ sid: String, _ reason: String?) -> String { "\(sid): \(reason ?? "not targeted")" }
    static func auditAccepted(notActedOn: Int) -> String {
        notActedOn == 0 ? "accepted" : "accepted, \(notActedOn) not acted on"
    }
    static let campaignNotWaitable = "`wait` follows remote action runs; a campaign stays open until its users answer or it expires"
    static let campaignNotWaitableNote = "use `status` on the campaign run to see the responses so far"
}

/// Messages shared by every batched state change (`StateChangeRun`).
extension ShellMessages {
    /// `noun` is plural ("users", "devices", "objects").
    static func notActedOn(_ subject: String, _ n: Int, noun: String) -> String {
        "\(subject): \(n) \(n == 1 ? String(noun.dropLast()) : noun) not acted on"
    }
    static func moreNotActedOn(_ n: Int) -> String { "... and \(n) more (the run result lists every one)" }
    static func outcomeUnknownBatch(_ noun: String) -> String {
        "OUTCOME UNKNOWN: these \(noun) may or may not have been acted on, check `status` before retrying"
    }
    /// Lines of items not acted on shown in the warning; the run result has them all.
    static let notActedOnShown = 20
}

/// Messages of `status` and `wait` on run results.
extension ShellMessages {
    static let dryRunResultNote = "this is a dry-run result: nothing was sent, so there is nothing to follow"
}
