/// The NQL id of a remote action, workflow or campaign (`#get_battery_status`), checked once
/// where it enters — the shell's operand, a caller's string — so every later stage (plans,
/// dry run, the client's calls and bodies) takes it as proven and never checks it again.
/// Saved queries have their own, narrower `NQLQueryID`. Encoded as the plain string.
public struct NQLID: CheckedStringID {
    public enum Kind: Sendable, CaseIterable {
        case remoteAction, workflow, campaign
    }

    /// With its leading `#`.
    public let text: String

    /// `input` with a leading `#` added when missing (the API wants it, people leave it out),
    /// checked against the rule the kinds share; a validation error naming the kind and `field`
    /// otherwise.
    public init(_ input: String, _ kind: Kind, field: String = "id") throws(NexthinkError) {
        let text = NQLID.hashed(input)
        guard IDRules.isObjectID(text) else {
            throw NexthinkError.validation([.init(field: field, message: NQLID.problem(text, kind))])
        }
        self.text = text
    }

    /// The one place a `#` is put in front of an id given without one (allow-lists in the
    /// profile, ids as the service lists them).
    public static func hashed(_ id: String) -> String {
        id.hasPrefix("#") ? id : "#" + id
    }

    /// An id that does not say its kind (a decoded one): the rule every kind shares. No `#`
    /// is added.
    public init?(validating text: String) {
        guard IDRules.isObjectID(text) else { return nil }
        self.text = text
    }

    public static let shapeName = "an NQL id"

    private static func problem(_ text: String, _ kind: Kind) -> String {
        let object = "ids start with '#' then letters, digits or '_'"
        return switch kind {
        case .remoteAction: "'\(text)' is not a remote action id; \(object) (e.g. #ExampleRA)"
        case .workflow: "'\(text)' is not a workflow id; \(object) (e.g. #wf_restart_spooler)"
        case .campaign: "'\(text)' is not a campaign id; \(object) (e.g. #csat_after_fix)"
        }
    }
}
