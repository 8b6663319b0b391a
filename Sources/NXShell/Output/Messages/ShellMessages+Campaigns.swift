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
    static let campaignNotWaitable = "`wait` follows remote action and workflow runs; a campaign stays open until its users answer or it expires"
    static let campaignNotWaitableNote = "use `status` on the campaign run to see the responses so far"
}
