#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Hummingbird
import NIOCore

/// Client-credentials token endpoints: the Okta-style `-login` path and the legacy API path.
struct TokenRoutes: Sendable {
    let pipeline: Pipeline
    var state: EmulatorState { pipeline.state }

    func register(on router: Router<EmulatorContext>) {
        router.post("/oauth2/default/v1/token") { request, context in
            try await pipeline.serve(.token, .oauth, request, context, authenticated: false) { request, body in
                oauthToken(request, body)
            }
        }
        // Legacy path: older docs show only a Basic header, no form body.
        router.post("/api/v1/token") { request, context in
            try await pipeline.serve(.token, .oauth, request, context, authenticated: false) { request, _ in
                if let failure = checkClient(request) { return failure }
                return issue()
            }
        }
    }

    private func oauthToken(_ request: Request, _ body: ByteBuffer) -> Response {
        if let failure = checkClient(request) { return failure }
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/x-www-form-urlencoded") else {
            return Reply.oauthError(.badRequest, "invalid_request",
                                    "Content-Type must be application/x-www-form-urlencoded")
        }
        let form = QueryString(String(buffer: body), plusIsSpace: true)
        guard let grant = form["grant_type"], !grant.isEmpty else {
            return Reply.oauthError(.badRequest, "invalid_request", "grant_type is required (use client_credentials)")
        }
        guard grant == "client_credentials" else {
            return Reply.oauthError(.badRequest, "unsupported_grant_type",
                                    "grant_type '\(grant)' is not supported; use client_credentials")
        }
        // Okta has no default scope for this server: an absent scope is an error, as is any other.
        guard let scope = form["scope"], !scope.isEmpty else {
            return Reply.oauthError(.badRequest, "invalid_scope", "scope is required (use service:integration)")
        }
        let unknown = scope.split(separator: " ").filter { $0 != "service:integration" }
        guard unknown.isEmpty else {
            return Reply.oauthError(.badRequest, "invalid_scope",
                                    "scope '\(unknown.joined(separator: " "))' is not allowed; use service:integration")
        }
        return issue()
    }

    private func checkClient(_ request: Request) -> Response? {
        guard let header = request.headers[.authorization] else {
            return Reply.oauthError(.unauthorized, "invalid_client",
                                    "client authentication required: send Authorization: Basic base64(clientId:clientSecret)")
        }
        guard let credentials = BasicCredentials(header: header) else {
            return Reply.oauthError(.unauthorized, "invalid_client",
                                    "malformed Authorization header: expected Basic base64(clientId:clientSecret)")
        }
        guard credentials.id == state.options.clientID, credentials.secret == state.options.clientSecret else {
            return Reply.oauthError(.unauthorized, "invalid_client", "client authentication failed: unknown client or wrong secret")
        }
        return nil
    }

    private func issue() -> Response {
        let token = state.tokens.issue()
        state.stats.recordTokenIssued()
        return Reply.json(TokenResponse(access_token: token, expires_in: state.tokens.lifetimeSeconds),
                          headers: [.cacheControl: "no-store"])
    }

    private struct TokenResponse: Encodable {
        var token_type = "Bearer"
        var access_token: String
        var expires_in: Int
        var scope = "service:integration"
    }
}

struct BasicCredentials {
    var id: String
    var secret: String

    init?(header: String) {
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
              let data = Data(base64Encoded: String(parts[1].trimmingPrefix(while: \.isWhitespace))),
              let decoded = String(bytes: data, encoding: .utf8),
              let colon = decoded.firstIndex(of: ":")
        else { return nil }
        id = String(decoded[..<colon])
        secret = String(decoded[decoded.index(after: colon)...])
    }
}
