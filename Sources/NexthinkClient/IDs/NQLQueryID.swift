/// The id of a saved NQL query (`#remote_action_executions_by_request`). Its own type because
/// its rule is narrower than that of the objects' `NQLID`s (the spec's pattern), so
/// `executeNQL` and `startExport` take only ids checked against it. Checked once where it
/// enters: the operand of `query` and `export`, the profile, nxsh's own literals. Encoded as
/// the plain string.
public struct NQLQueryID: CheckedStringID {
    /// With its leading `#`.
    public let text: String

    /// `input` with a leading `#` added when missing (`NQLID.hashed`), checked against the
    /// query rule; a validation error naming `field` otherwise.
    public init(_ input: String, field: String = "queryId") throws(NexthinkError) {
        let text = NQLID.hashed(input)
        guard let id = NQLQueryID(validating: text) else {
            throw NexthinkError.validation([.init(field: field, message: NQLQueryID.problem(text))])
        }
        self = id
    }

    /// A query written in nxsh's own code, never input: a `StaticString` can only be a
    /// literal, so a malformed one is a programming error, found by the first test that uses it.
    public init(literal: StaticString) {
        let text = literal.description
        precondition(IDRules.isQueryID(text), NQLQueryID.problem(text))
        self.text = text
    }

    /// No `#` is added.
    public init?(validating text: String) {
        guard IDRules.isQueryID(text) else { return nil }
        self.text = text
    }

    public static let shapeName = "an NQL query id"

    private static func problem(_ text: String) -> String {
        "'\(text)' is not an NQL query id; it must match #[a-z0-9_]{2,255} (e.g. #remote_action_executions_by_request)"
    }
}
