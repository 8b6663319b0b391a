#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Which proxy the client uses. `nil` means `.direct`, so a configuration can say `proxy: nil`.
public enum ProxyChoice: Sendable, Hashable, ExpressibleByNilLiteral {
    /// HTTPS_PROXY / NO_PROXY of the process, read when the client is created.
    case environment
    case server(ProxySettings)
    case direct

    public init(nilLiteral: ()) { self = .direct }

    func resolve() throws(NexthinkError) -> ProxySettings? {
        switch self {
        case .environment: try ProxySettings.fromEnvironment()
        case .server(let settings): settings
        case .direct: nil
        }
    }
}

/// HTTPS proxy and its exceptions, as curl and most tools read them from the environment.
public struct ProxySettings: Sendable, Hashable {
    public var host: String
    public var port: Int
    /// From the proxy URL (`http://user:password@host:port`), sent as Basic proxy authorization.
    public var user: String?
    public var password: Secret?
    /// NO_PROXY entries, lower-cased: host names, `.domain` suffixes, `host:port`, or `*`.
    public var noProxy: [String]

    public init(host: String, port: Int, user: String? = nil, password: Secret? = nil, noProxy: [String] = []) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.noProxy = noProxy.map { $0.lowercased() }
    }

    /// From `HTTPS_PROXY`/`https_proxy` and `NO_PROXY`/`no_proxy` (lower case wins, as in curl).
    /// nil when no proxy is set. A proxy URL that cannot be used is an error, never a silent
    /// direct connection.
    public static func fromEnvironment(
        _ env: [String: String] = ProcessInfo.processInfo.environment
    ) throws(NexthinkError) -> ProxySettings? {
        let (name, raw) = env["https_proxy"].map { ("https_proxy", $0) } ?? ("HTTPS_PROXY", env["HTTPS_PROXY"] ?? "")
        guard !raw.isEmpty else { return nil }
        let text = raw.contains("://") ? raw : "http://" + raw
        func fail(_ why: String, _ hint: String) -> NexthinkError {
            NexthinkError(kind: .configuration, message: "\(name) '\(URLRedaction.redact(raw))' \(why)", hint: hint)
        }
        guard let c = URLComponents(string: text), let host = c.host, !host.isEmpty else {
            throw fail("is not a proxy URL", "write it as http://host:port (or unset it to connect directly)")
        }
        switch c.scheme?.lowercased() {
        case "http":
            break
        case "https":
            // AsyncHTTPClient (1.37) opens a plain TCP connection to the proxy; sending the
            // CONNECT (and its credentials) in clear to a proxy the user expects TLS with is
            // exactly what must not happen.
            throw fail("asks for TLS to the proxy (https://), which nxsh does not support",
                       "use http://host:port if the proxy accepts plain CONNECT (the connection to Nexthink "
                           + "stays TLS inside the tunnel), or unset it to connect directly")
        default:
            throw fail("has an unsupported scheme", "use http://host:port")
        }
        let port = c.port ?? 8080
        guard (1...65_535).contains(port) else { throw fail("has an invalid port", "use a port from 1 to 65535") }
        // URLComponents' user and password are already percent-decoded.
        let noProxy = (env["no_proxy"] ?? env["NO_PROXY"] ?? "")
            .split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        return ProxySettings(host: host, port: port, user: c.user, password: c.password.map { Secret($0) },
                             noProxy: noProxy)
    }

    /// Whether a request to `host:port` goes through the proxy. Loopback never does.
    public func applies(toHost host: String, port: Int) -> Bool {
        let h = host.lowercased()
        if Endpoint.isLoopback(host: h) { return false }
        return !noProxy.contains { Self.matches(entry: $0, host: h, port: port) }
    }

    private static func matches(entry: String, host: String, port: Int) -> Bool {
        if entry == "*" { return true }
        var name = entry
        if name.filter({ $0 == ":" }).count == 1 || name.hasPrefix("["), name.hasSuffix("]") == false,
           let colon = name.lastIndex(of: ":"), let p = Int(name[name.index(after: colon)...]) {
            guard p == port else { return false }
            name = String(name[..<colon])
        }
        name = name.hasPrefix("[") && name.hasSuffix("]") ? String(name.dropFirst().dropLast()) : name
        if name.hasPrefix("*.") { name.removeFirst(2) } else if name.hasPrefix(".") { name.removeFirst() }
        // Like curl: an entry matches the host itself and any subdomain. IP ranges (CIDR) are
        // not supported; list the addresses instead.
        return host == name || host.hasSuffix("." + name)
    }
}
