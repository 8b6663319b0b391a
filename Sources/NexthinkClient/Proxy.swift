#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
    /// nil when no proxy is set or its URL cannot be read.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> ProxySettings? {
        let raw = env["https_proxy"] ?? env["HTTPS_PROXY"] ?? ""
        guard !raw.isEmpty else { return nil }
        let text = raw.contains("://") ? raw : "http://" + raw
        guard let c = URLComponents(string: text), let host = c.host, !host.isEmpty else { return nil }
        // URLComponents' user and password are already percent-decoded.
        let user = c.user
        let password = c.password.map { Secret($0) }
        let noProxy = (env["no_proxy"] ?? env["NO_PROXY"] ?? "")
            .split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        return ProxySettings(host: host, port: c.port ?? (c.scheme == "https" ? 443 : 8080), user: user, password: password, noProxy: noProxy)
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
