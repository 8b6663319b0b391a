/// A user SID (`S-1-5-21-…`, or `0`), the pattern of the Workflows document (the Campaigns one
/// gives none), checked once where it enters so campaign plans, batches and trigger bodies
/// take it as proven. Encoded as the plain string.
public struct UserSID: CheckedStringID {
    public let text: String

    /// A validation error naming `field` when `text` is no SID; a UPN gets its own hint, since
    /// the Campaigns API takes only SIDs.
    public init(_ text: String, field: String = "userSid") throws(NexthinkError) {
        guard let sid = UserSID(validating: text) else {
            let message = IDRules.isUPN(text) ? "'\(text)' is a UPN; campaigns take user SIDs (e.g. S-1-5-21-1-2-3-1001)"
                : "'\(text.prefix(80))' is not \(IDRules.sidExample)"
            throw NexthinkError.validation([.init(field: field, message: message)])
        }
        self = sid
    }

    /// For callers that have just checked the pattern with their own message (workflow users).
    init(checked text: String) {
        self.text = text
    }

    public init?(validating text: String) {
        guard IDRules.isSID(text) else { return nil }
        self.text = text
    }

    public static let shapeName = "a user SID"
}
