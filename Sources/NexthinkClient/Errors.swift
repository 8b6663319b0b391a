/// Every failure of the client. `kind` is what callers branch on; the rest is for the message.
/// Never carries a token or the client secret: bodies are reduced to the service's own
/// `code`/`message`, and `path` is built by us from public values only.
public struct NexthinkError: Error, Sendable {
    public enum Kind: String, Sendable, Hashable {
        case auth, forbidden, notFound, invalidRequest, throttled, server
        case unreachable, timeout, outcomeUnknown, decoding, configuration, validation
    }

    public var kind: Kind
    public var status: Int?
    /// The service's error code: a string for remote actions, an integer (as text) for NQL,
    /// the OAuth `error` for the token endpoint.
    public var code: String?
    public var message: String
    public var method: String?
    public var path: String?
    /// What the user can do about it.
    public var hint: String?
    /// Seconds the server asked us to wait (429), when it said so.
    public var retryAfter: Duration?
    public var problems: [ValidationProblem]

    public init(
        kind: Kind, status: Int? = nil, code: String? = nil, message: String,
        method: String? = nil, path: String? = nil, hint: String? = nil,
        retryAfter: Duration? = nil, problems: [ValidationProblem] = []
    ) {
        self.kind = kind
        self.status = status
        self.code = code
        self.message = message
        self.method = method
        self.path = path
        self.hint = hint
        self.retryAfter = retryAfter
        self.problems = problems
    }
}

extension NexthinkError: CustomStringConvertible {
    public var description: String {
        var head = kind.label
        var tags: [String] = []
        if let status { tags.append("HTTP \(status)") }
        if let code, !code.isEmpty { tags.append(code) }
        if !tags.isEmpty { head += " (\(tags.joined(separator: " ")))" }
        if let method, let path { head += " on \(method) \(path)" }
        var text = "\(head): \(message)"
        for p in problems { text += "\n  - \(p)" }
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

extension NexthinkError.Kind {
    /// A short human phrase for the kind, the head of every error message.
    public var label: String {
        switch self {
        case .auth: "authentication failed"
        case .forbidden: "permission denied"
        case .notFound: "not found"
        case .invalidRequest: "the service rejected the request"
        case .throttled: "rate limited"
        case .server: "server error"
        case .unreachable: "service unreachable"
        case .timeout: "timed out"
        case .outcomeUnknown: "outcome unknown"
        case .decoding: "unexpected response"
        case .configuration: "configuration error"
        case .validation: "invalid input"
        }
    }
}
