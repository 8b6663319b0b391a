/// The NQL id of a remote action, workflow, campaign or saved query (`#get_battery_status`),
/// checked once where it enters — the shell's operand, a caller's string — so every later
/// stage (plans, dry run, the client's calls and bodies) takes it as proven and never checks
/// it again. Encoded as the plain string.
public struct NQLID: CheckedStringID {
    public enum Kind: Sendable, CaseIterable {
        case remoteAction, workflow, campaign, query
    }

    /// With its leading `#`.
    public let text: String

    /// `input` with a leading `#` added when missing (the API wants it, people leave it out),
    /// checked against the rule of its kind; a validation error naming `field` otherwise.
    public init(_ input: String, _ kind: Kind, field: String = "id") throws(NexthinkError) {
        let text = NQLID.hashed(input)
        guard NQLID.isValid(text, kind) else {
            throw NexthinkError.validation([.init(field: field, message: NQLID.problem(text, kind))])
        }
        self.text = text
    }

    /// An id written in nxsh's own code (a saved query it relies on), never input: a
    /// `StaticString` can only be a literal, so a malformed one is a programming error, found
    /// by the first test that uses it.
    public init(literal: StaticString, _ kind: Kind) {
        let text = literal.description
        precondition(NQLID.isValid(text, kind), NQLID.problem(text, kind))
        self.text = text
    }

    /// The one place a `#` is put in front of an id given without one (allow-lists in the
    /// profile, ids as the service lists them).
    public static func hashed(_ id: String) -> String {
        id.hasPrefix("#") ? id : "#" + id
    }

    /// An id that does not say its kind (a decoded one): the widest rule, since query ids are
    /// a subset of object ids. No `#` is added.
    public init?(validating text: String) {
        guard IDRules.isObjectID(text) else { return nil }
        self.text = text
    }

    public static let shapeName = "an NQL id"

    private static func isValid(_ text: String, _ kind: Kind) -> Bool {
        kind == .query ? IDRules.isQueryID(text) : IDRules.isObjectID(text)
    }

    private static func problem(_ text: String, _ kind: Kind) -> String {
        let object = "ids start with '#' then letters, digits or '_'"
        return switch kind {
        case .remoteAction: "'\(text)' is not a remote action id; \(object) (e.g. #ExampleRA)"
        case .workflow: "'\(text)' is not a workflow id; \(object) (e.g. #wf_restart_spooler)"
        case .campaign: "'\(text)' is not a campaign id; \(object) (e.g. #csat_after_fix)"
        case .query: "'\(text)' is not an NQL query id; it must match #[a-z0-9_]{2,255} (e.g. #remote_action_executions_by_request)"
        }
    }
}
