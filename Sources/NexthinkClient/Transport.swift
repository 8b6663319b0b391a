/// One HTTP exchange, independent of the HTTP library (so the retry and auth logic can be
/// unit-tested with an in-memory transport).
struct HTTPRequest: Sendable {
    var method: String
    var endpoint: Endpoint
    /// Path plus encoded query, appended to the endpoint's base path.
    var target: String
    var headers: [(name: String, value: String)]
    var body: [UInt8]?

    var url: String { endpoint.string + target }
    /// What errors and logs show: never a credential, since we never put one in a URL.
    var displayPath: String { endpoint.path + target }
}

struct HTTPResponse: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// How an exchange failed below HTTP. The distinction matters for acting calls: only
/// `notConnected` proves the server never saw the request.
enum TransportError: Error, Sendable {
    case notConnected(String)
    case timedOut(String)
    case connectionLost(String)

    var attemptFailure: AttemptFailure {
        switch self {
        case .notConnected: .notConnected
        case .timedOut, .connectionLost: .noResponse
        }
    }

    var reason: String {
        switch self {
        case .notConnected(let s), .timedOut(let s), .connectionLost(let s): s
        }
    }
}

protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async -> Result<HTTPResponse, TransportError>
    /// Like `send`, but a 2xx body goes to `body` piece by piece instead of into memory (the
    /// returned response then has an empty body). Throws `TransportError`, `StreamLimitExceeded`
    /// or what `body` throws.
    func stream(_ request: HTTPRequest, limits: StreamLimits,
                body: (UnsafeRawBufferPointer) throws -> Void) async throws -> HTTPResponse
    func shutdown() async throws
}

public struct StreamLimits: Sendable, Hashable {
    public var maxBytes: Int64
    public var timeout: Duration

    public init(maxBytes: Int64, timeout: Duration) {
        self.maxBytes = maxBytes
        self.timeout = timeout
    }
}

struct StreamLimitExceeded: Error, Sendable {
    var maxBytes: Int64
}

extension HTTPTransport {
    /// For in-memory test transports: the body arrives as one piece.
    func stream(_ request: HTTPRequest, limits: StreamLimits,
                body: (UnsafeRawBufferPointer) throws -> Void) async throws -> HTTPResponse {
        let response = try await send(request).get()
        guard (200..<300).contains(response.status) else { return response }
        guard Int64(response.body.count) <= limits.maxBytes else { throw StreamLimitExceeded(maxBytes: limits.maxBytes) }
        try response.body.withUnsafeBytes(body)
        return HTTPResponse(status: response.status, headers: response.headers, body: [])
    }
}
