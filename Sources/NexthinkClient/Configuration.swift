import Logging

/// Nexthink cloud region: a free string with the documented ones as presets.
public struct Region: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public static let us = Region(rawValue: "us")
    public static let eu = Region(rawValue: "eu")
    public static let pac = Region(rawValue: "pac")
    public static let meta = Region(rawValue: "meta")
    public static let presets: [Region] = [.us, .eu, .pac, .meta]
}

/// Where to reach the service.
public enum ServiceLocation: Sendable, Hashable {
    /// `https://{instance}.api.{region}.nexthink.cloud` and its `-login` token host.
    case instance(String, region: Region)
    /// Explicit URLs (sandbox, other setups). A nil token URL is derived: the `-login` host
    /// for a standard `{instance}.api.{region}.nexthink.cloud` API URL, otherwise
    /// `{api}/oauth2/default/v1/token` on the API host itself (what the emulator serves).
    case urls(api: String, token: String?)
}

public struct NexthinkConfiguration: Sendable {
    public var location: ServiceLocation
    public var clientID: String
    public var clientSecret: Secret
    public var connectTimeout: Duration
    /// Longest silence while waiting for response bytes.
    public var readTimeout: Duration
    public var retry: RetryPolicy
    /// HTTPS proxy; the default reads HTTPS_PROXY / NO_PROXY. nil: always connect directly.
    public var proxy: ProxyChoice
    /// Certificates trusted for TLS; the default reads SSL_CERT_FILE and NEXTHINK_CA_FILE.
    public var trust: TrustSettings
    public var tokenStore: (any TokenStore)?
    /// A token is renewed this long before it expires (at most half its lifetime).
    public var refreshMargin: Duration
    /// Called for every HTTP attempt, for `--verbose`. Never sees bodies or credentials.
    public var trace: (@Sendable (HTTPTraceEvent) -> Void)?
    public var logger: Logger

    public init(
        location: ServiceLocation, clientID: String, clientSecret: Secret,
        connectTimeout: Duration = .seconds(10), readTimeout: Duration = .seconds(60),
        retry: RetryPolicy = .standard, proxy: ProxyChoice = .environment, trust: TrustSettings = .fromEnvironment(),
        tokenStore: (any TokenStore)? = nil, refreshMargin: Duration = .seconds(60),
        trace: (@Sendable (HTTPTraceEvent) -> Void)? = nil,
        logger: Logger = Logger(label: "nexthink.client")
    ) {
        self.location = location
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.retry = retry
        self.proxy = proxy
        self.trust = trust
        self.tokenStore = tokenStore
        self.refreshMargin = refreshMargin
        self.trace = trace
        self.logger = logger
    }
}
