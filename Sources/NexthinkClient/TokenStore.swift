#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// A bearer token as kept between processes.
public struct StoredToken: Sendable, Hashable {
    public var accessToken: Secret
    public var tokenType: String
    public var scope: String?
    public var expiresAt: Date

    /// Longest lifetime believed, in seconds (the service issues 15-minute tokens); a longer
    /// `expires_in` is clamped, and a stored token claiming more is not trusted.
    public static let maxLifetime: Double = 86_400

    /// Whether `expiresAt` lies in (now, now + maxLifetime]: usable and not absurd.
    public func isPlausible(now: Date) -> Bool {
        let left = expiresAt.timeIntervalSince(now)
        return left > 0 && left <= Self.maxLifetime
    }

    public init(accessToken: Secret, tokenType: String, scope: String?, expiresAt: Date) {
        self.accessToken = accessToken
        self.tokenType = tokenType
        self.scope = scope
        self.expiresAt = expiresAt
    }
}

/// Persistence is opt-in: a store writes the token in the clear (it has to, to reuse it), so
/// the store decides where that is safe.
extension StoredToken: Codable {
    private enum CodingKeys: String, CodingKey { case accessToken, tokenType, scope, expiresAt }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        accessToken = Secret(try c.decode(String.self, forKey: .accessToken))
        tokenType = try c.decode(String.self, forKey: .tokenType)
        scope = try c.decodeIfPresent(String.self, forKey: .scope)
        expiresAt = try c.decode(Date.self, forKey: .expiresAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(accessToken.reveal(), forKey: .accessToken)
        try c.encode(tokenType, forKey: .tokenType)
        try c.encodeIfPresent(scope, forKey: .scope)
        try c.encode(expiresAt, forKey: .expiresAt)
    }
}

/// Lets the shell reuse a token across processes. `key` identifies the token URL, the client
/// id and a digest of the secret, so a changed secret never reuses a token.
public protocol TokenStore: Sendable {
    func load(key: String) -> StoredToken?
    func save(_ token: StoredToken, key: String)
}

/// A process-local store, e.g. to share one token between several clients.
public final class InMemoryTokenStore: TokenStore {
    private let tokens = Mutex<[String: StoredToken]>([:])

    public init() {}

    public func load(key: String) -> StoredToken? {
        tokens.withLock { $0[key] }
    }

    public func save(_ token: StoredToken, key: String) {
        tokens.withLock { $0[key] = token }
    }
}

/// What the `token` command shows.
public struct TokenInfo: Sendable, Hashable {
    public var tokenType: String
    public var scope: String?
    public var expiresAt: Date
    public var accessToken: Secret
}
