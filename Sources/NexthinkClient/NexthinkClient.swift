#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging
import NIOSSL

/// The Nexthink Remote Actions + NQL API client.
///
/// Lifetime: the client owns its HTTP connections. Call `shutdown()` once when done (AHC
/// traps in debug builds if a client is released without it). All methods are safe to call
/// concurrently. Errors thrown are `NexthinkError` (or `CancellationError`).
public final class NexthinkClient: Sendable {
    let endpoints: Endpoints
    let requester: Requester
    let tokens: TokenManager

    public convenience init(configuration: NexthinkConfiguration) throws {
        let endpoints = try Endpoints(configuration.location)
        // Trust files are read only when there is TLS to verify: parsing a system bundle named
        // by SSL_CERT_FILE costs more than the rest of a one-liner, and plain-HTTP endpoints
        // (the emulator, `--sandbox`) never use it. Results files come from the API's side,
        // which serves them over TLS whenever the API itself is (the real service always is).
        let tls = try endpoints.useTLS ? configuration.trust.tlsConfiguration() : TLSConfiguration.makeClientConfiguration()
        let transport = AHCTransport(
            connectTimeout: configuration.connectTimeout, readTimeout: configuration.readTimeout,
            proxy: try configuration.proxy.resolve(), tls: tls)
        self.init(configuration: configuration, endpoints: endpoints, transport: transport, environment: .live)
    }

    init(configuration c: NexthinkConfiguration, endpoints: Endpoints, transport: any HTTPTransport,
         environment: ClientEnvironment) {
        let requester = Requester(transport: transport, policy: c.retry, environment: environment,
                                  trace: c.trace, logger: c.logger)
        let fetcher = TokenFetcher(endpoint: endpoints.token, clientID: c.clientID, secret: c.clientSecret,
                                   requester: requester)
        self.endpoints = endpoints
        self.requester = requester
        self.tokens = TokenManager(
            fetch: { try await fetcher.fetch() },
            store: c.tokenStore, storeKey: TokenCacheKey.make(token: endpoints.token, clientID: c.clientID, secret: c.clientSecret),
            margin: c.refreshMargin, now: environment.now)
    }

    /// Closes the HTTP connections. The client cannot be used afterwards.
    public func shutdown() async throws {
        try await requester.transport.shutdown()
    }

    /// The API base URL in use (for `config show`, `--verbose`).
    public var apiURL: String { endpoints.api.string }
    /// The token endpoint in use.
    public var tokenURL: String { endpoints.token.string }

    /// The current access token, fetching one if needed (the `token` command).
    public func token() async throws -> TokenInfo {
        let t = try await tokens.valid()
        return TokenInfo(tokenType: t.tokenType, scope: t.scope, expiresAt: t.expiresAt, accessToken: t.accessToken)
    }
}

/// Time, sleeping and randomness, injectable so retry timing is testable without waiting.
struct ClientEnvironment: Sendable {
    var now: @Sendable () -> Date
    var sleep: @Sendable (Duration) async throws -> Void
    var random: @Sendable () -> Double

    static let live = ClientEnvironment(
        now: { Date() },
        sleep: { try await Task.sleep(for: $0) },
        random: { Double.random(in: 0..<1) })
}
