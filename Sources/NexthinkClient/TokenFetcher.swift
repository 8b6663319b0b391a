#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The OAuth2 client-credentials call, exactly as the spec README gives it.
struct TokenFetcher: Sendable {
    let endpoint: Endpoint
    let clientID: String
    let secret: Secret
    let requester: Requester

    private struct Reply: Decodable {
        var access_token: String
        var token_type: String?
        var expires_in: Double?
        var scope: String?
    }

    func fetch() async throws -> StoredToken {
        let basic = Data("\(clientID):\(secret.reveal())".utf8).base64EncodedString()
        let request = HTTPRequest(
            method: "POST", endpoint: endpoint, target: "",
            headers: [("Authorization", "Basic \(basic)"),
                      ("Content-Type", "application/x-www-form-urlencoded"),
                      ("Accept", "application/json")],
            body: Array("grant_type=client_credentials&scope=service:integration".utf8))
        let context = ErrorContext(subject: "token request for client '\(clientID)'", isTokenCall: true)
        let response = try await requester.perform(request, .read, tokens: nil, describe: context)
        guard let reply = try? JSONDecoder().decode(Reply.self, from: Data(response.body)), !reply.access_token.isEmpty else {
            throw NexthinkError(kind: .decoding, status: response.status,
                                message: "the token endpoint answered without an access token",
                                method: "POST", path: endpoint.path,
                                hint: "check that the token URL points at the Nexthink login service")
        }
        // The spec documents 15 minutes; assume that when the lifetime is missing. An absurd
        // lifetime is clamped so no later date arithmetic (or a cached copy) can overflow.
        let lifetime = min(max(reply.expires_in ?? 900, 0), StoredToken.maxLifetime)
        return StoredToken(
            accessToken: Secret(reply.access_token), tokenType: reply.token_type ?? "Bearer",
            scope: reply.scope, expiresAt: requester.environment.now().addingTimeInterval(lifetime))
    }
}
