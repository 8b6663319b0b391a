/// A message about the source: a parse error, a runtime failure, or a host (API) failure.
public struct Diagnostic: Sendable, Equatable {
    public enum Severity: String, Sendable { case error, warning, note }

    public var severity: Severity
    public var message: String
    /// Where the problem is; `nil` for problems with no place in the source.
    public var span: SourceSpan?
    /// Extra lines printed after the source excerpt as `note: ...`.
    public var notes: [String]

    public init(severity: Severity = .error, message: String, span: SourceSpan?, notes: [String] = []) {
        self.severity = severity
        self.message = message
        self.span = span
        self.notes = notes
    }

    init(_ message: Message, at span: SourceSpan?) {
        self.init(message: message.text, span: span, notes: message.notes)
    }
}
