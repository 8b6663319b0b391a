/// What the language needs from the program embedding it. The core does no I/O itself:
/// printing, files, clock and every API command go through here.
public protocol LanguageHost: Sendable {
    /// Output of the `print` statement: one text line for stdout.
    func printLine(_ text: String)
    /// The value of a top-level expression statement; the host renders it (table, JSON...).
    func show(_ value: Value)
    /// An API command (`token`, `list`, `get`, `run`, `status`, `wait`, `query`, `audit`).
    /// Throw `HostError` for failures the user should see at the command's span.
    func perform(_ command: HostCommand) async throws -> Value
    /// Host-provided functions such as `read` and `now`; `nil` means "no such function".
    func function(named name: String) -> HostFunction?
    /// Names of host functions, for "did you mean" suggestions and completion.
    var functionNames: [String] { get }
}

public typealias HostFunction = @Sendable (_ arguments: [Value]) async throws -> Value

public enum Platform: String, Sendable { case windows, macos }

public enum HostCommand: Sendable, Equatable {
    case token
    case list(platform: Platform?)
    case get(id: String)
    case run(RunCommand)
    /// `status r`: a run result record, a request id string/uuid, or a list of them.
    case status(target: Value)
    case wait(target: Value, timeoutSeconds: Int?)
    case query(id: String, parameters: [String: String])
    case audit(limit: Int?)
}

public struct RunCommand: Sendable, Equatable {
    public var actionID: String
    /// Device ids as written; the host validates them (UUID shape, duplicates, batching).
    public var devices: [Value]
    /// Where each element of `devices` came from, when known (for "invalid UUID at ..." errors).
    public var deviceSpans: [SourceSpan?]
    public var parameters: [String: String]
    public var expiresInMinutes: Int?
    public var reason: String?
    public var reference: String?

    public init(actionID: String, devices: [Value], deviceSpans: [SourceSpan?] = [],
                parameters: [String: String] = [:], expiresInMinutes: Int? = nil,
                reason: String? = nil, reference: String? = nil) {
        self.actionID = actionID
        self.devices = devices
        self.deviceSpans = deviceSpans
        self.parameters = parameters
        self.expiresInMinutes = expiresInMinutes
        self.reason = reason
        self.reference = reference
    }
}

/// A failure reported by the host; the evaluator attaches it to the span of the statement or
/// argument that caused it. `span`, when set, points more precisely (e.g. one bad device id).
public struct HostError: Error, Sendable, Equatable {
    public var message: String
    public var notes: [String]
    public var span: SourceSpan?
    /// Process exit status the host wants if this error ends the script (e.g. 69, 77, 75).
    public var exitCode: Int32

    public init(_ message: String, notes: [String] = [], span: SourceSpan? = nil, exitCode: Int32 = 70) {
        self.message = message
        self.notes = notes
        self.span = span
        self.exitCode = exitCode
    }
}
