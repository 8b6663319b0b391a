#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A checked absolute URL split into what the transport needs.
struct Endpoint: Sendable, Hashable {
    var scheme: String
    var host: String
    var port: Int?
    /// No trailing slash; "" for the root.
    var path: String

    var isLoopback: Bool { Endpoint.isLoopback(host: host) }

    var string: String {
        let h = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(h)\(port.map { ":\($0)" } ?? "")\(path)"
    }

    /// Only names that cannot leave the machine: `foo.localhost` is not among them, since a
    /// resolver may send it anywhere (RFC 6761 only asks resolvers to keep it local).
    static func isLoopback(host: String) -> Bool {
        let h = host.lowercased()
        if h == "localhost" || h == "::1" || h == "0:0:0:0:0:0:0:1" { return true }
        let octets = h.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    /// Parses and checks `text`; `role` names it in errors ("API URL", "token URL").
    static func parse(_ text: String, role: String) throws(NexthinkError) -> Endpoint {
        func fail(_ why: String, _ hint: String) -> NexthinkError {
            NexthinkError(kind: .configuration, message: "\(role) '\(URLRedaction.redact(text))' \(why)", hint: hint)
        }
        guard let c = URLComponents(string: text), let scheme = c.scheme?.lowercased(),
              let host = c.host, !host.isEmpty else {
            throw fail("is not an absolute URL", "write it as https://host[:port][/path]")
        }
        guard c.query == nil, c.fragment == nil, c.user == nil, c.password == nil else {
            throw fail("must not contain a query, fragment or credentials", "give only scheme, host, port and path")
        }
        let bareHost = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let endpoint = Endpoint(scheme: scheme, host: bareHost, port: c.port, path: c.path.hasSuffix("/") ? String(c.path.dropLast()) : c.path)
        switch scheme {
        case "https":
            return endpoint
        case "http" where endpoint.isLoopback:
            return endpoint
        case "http":
            throw fail("uses plain http:// to a non-loopback host, which would send credentials unencrypted",
                       "use https://, or http:// only for 127.0.0.1 / localhost / ::1 (not *.localhost)")
        default:
            throw fail("has unsupported scheme '\(scheme)'", "use https://")
        }
    }
}

/// The two URLs the client talks to, resolved and checked once at start-up.
struct Endpoints: Sendable, Hashable {
    var api: Endpoint
    var token: Endpoint

    static let tokenPath = "/oauth2/default/v1/token"

    var useTLS: Bool { api.scheme == "https" || token.scheme == "https" }

    init(_ location: ServiceLocation) throws(NexthinkError) {
        switch location {
        case .instance(let instance, let region):
            try Endpoints.checkLabel(instance, role: "instance name")
            try Endpoints.checkLabel(region.rawValue, role: "region")
            api = try Endpoint.parse("https://\(instance).api.\(region).nexthink.cloud", role: "API URL")
            token = try Endpoint.parse("https://\(instance)-login.\(region).nexthink.cloud\(Endpoints.tokenPath)", role: "token URL")
        case .urls(let apiText, let tokenText):
            api = try Endpoint.parse(apiText, role: "API URL")
            token = try Endpoint.parse(tokenText ?? Endpoints.derivedTokenURL(api), role: "token URL")
        }
    }

    private static func derivedTokenURL(_ api: Endpoint) -> String {
        let labels = api.host.lowercased().split(separator: ".")
        if labels.count == 5, labels[1] == "api", labels[3] == "nexthink", labels[4] == "cloud" {
            return "https://\(labels[0])-login.\(labels[2]).nexthink.cloud\(tokenPath)"
        }
        return api.string + tokenPath
    }

    /// Instance and region become DNS labels; reject anything that would change the host.
    private static func checkLabel(_ s: String, role: String) throws(NexthinkError) {
        let ok = !s.isEmpty && s.count <= 63 && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        if !ok {
            throw NexthinkError(kind: .configuration, message: "\(role) '\(s)' is not a valid host name label",
                                hint: "use letters, digits and '-' only, e.g. instance 'acme', region 'eu'")
        }
    }
}
