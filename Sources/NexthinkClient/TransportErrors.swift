import AsyncHTTPClient
import NIOCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension AHCTransport {
    /// Sorts AHC/NIO errors into what retrying needs to know. Anything not recognised counts
    /// as `connectionLost`: for an acting call, assuming "maybe sent" is the safe side.
    static func classify(_ error: any Error, host endpoint: Endpoint) -> TransportError {
        let target = "\(endpoint.host):\(endpoint.port ?? (endpoint.scheme == "https" ? 443 : 80))"
        if let e = error as? HTTPClientError {
            switch e {
            case .connectTimeout, .httpProxyHandshakeTimeout, .tlsHandshakeTimeout, .socksHandshakeTimeout:
                return .notConnected("could not connect to \(target) in time")
            case .proxyAuthenticationRequired, .invalidProxyResponse:
                return .notConnected("the HTTPS proxy refused the connection to \(target): \(ErrorPhrase.plain(e))")
            case .readTimeout, .deadlineExceeded, .writeTimeout:
                return .timedOut("no response from \(target) in time")
            case .remoteConnectionClosed, .uncleanShutdown:
                return .connectionLost("\(target) closed the connection before answering")
            default:
                return .connectionLost("request to \(target) failed: \(ErrorPhrase.plain(e))")
            }
        }
        if ErrorPhrase.isTLSHandshakeFailure(error) {
            // No request was sent: the handshake failed before any HTTP byte.
            return .notConnected("cannot reach \(target) over HTTPS: \(ErrorPhrase.plain(error)); if the network "
                                 + "inspects TLS, trust its CA with ca_file or NEXTHINK_CA_FILE")
        }
        if let e = error as? ChannelError {
            if case .connectTimeout = e { return .notConnected("could not connect to \(target) in time") }
            return .connectionLost("connection to \(target) failed: \(ErrorPhrase.plain(e))")
        }
        if let e = error as? IOError {
            if [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH, EADDRNOTAVAIL].contains(e.errnoCode) {
                return .notConnected("could not connect to \(target): \(String(cString: strerror(e.errnoCode)))")
            }
            return .connectionLost("connection to \(target) failed: \(String(cString: strerror(e.errnoCode)))")
        }
        // NIOPosix's NIOConnectionError (name resolution or every connect attempt failed) is
        // matched by name: NIOPosix is not a declared dependency of this target.
        if String(describing: type(of: error)) == "NIOConnectionError" {
            return .notConnected("could not connect to \(target) (connection refused or host not found)")
        }
        return .connectionLost("request to \(target) failed: \(ErrorPhrase.plain(error))")
    }
}
