import AsyncHTTPClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NIOCore
import NIOSSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An error the user may read as is: its `userMessage` is a plain sentence, never a Swift value
/// dump. The shell's own errors adopt it.
public protocol UserFacingError: Error {
    var userMessage: String { get }
}

/// Plain phrases for errors from the libraries below (cancellation, HTTP client, TLS, sockets,
/// POSIX): what reaches a user when a failure is not one of ours. Unknown errors get a generic
/// phrase: type names and enum dumps are internal detail.
public enum ErrorPhrase {
    public static func plain(_ error: any Error) -> String {
        switch error {
        case let e as any UserFacingError: return e.userMessage
        case let e as NexthinkError: return e.message
        case is CancellationError: return "interrupted"
        case let e as HTTPClientError: return http(e)
        case let e as IOError: return String(cString: strerror(e.errnoCode))
        case let e as POSIXError: return String(cString: strerror(e.code.rawValue))
        case let e as ChannelError: return channel(e)
        case is DecodingError: return "the response could not be read"
        default: break
        }
        if isTLSHandshakeFailure(error) {
            return "the TLS handshake failed (the server's certificate is not trusted, or it does not speak HTTPS)"
        }
        if error is NIOSSLError { return "the TLS connection failed" }
        // NIOPosix is not a declared dependency of this target: match by name.
        let type = String(reflecting: Swift.type(of: error))
        if type.hasSuffix("NIOConnectionError") { return "connection refused or host not found" }
        return "an unexpected internal error occurred"
    }

    /// A TLS failure before any request byte left (handshake, certificate): safe to call "not sent".
    static func isTLSHandshakeFailure(_ error: any Error) -> Bool {
        switch error as? NIOSSLError {
        case .handshakeFailed?, .unableToValidateCertificate?, .noCertificateToValidate?, .cannotMatchULabel?: true
        default: false
        }
    }

    private static func http(_ e: HTTPClientError) -> String {
        switch e {
        case .connectTimeout, .tlsHandshakeTimeout, .socksHandshakeTimeout, .httpProxyHandshakeTimeout:
            "could not connect in time"
        case .readTimeout, .deadlineExceeded, .writeTimeout: "no response in time"
        case .remoteConnectionClosed, .uncleanShutdown: "the server closed the connection"
        case .cancelled: "interrupted"
        case .proxyAuthenticationRequired: "the HTTPS proxy asks for credentials"
        case .invalidProxyResponse: "the HTTPS proxy gave an invalid answer"
        case .invalidURL, .emptyHost, .emptyScheme: "the URL is not valid"
        case .bodyLengthMismatch: "the response body was cut short"
        default: "the HTTP request failed"
        }
    }

    private static func channel(_ e: ChannelError) -> String {
        switch e {
        case .connectTimeout: "could not connect in time"
        case .ioOnClosedChannel, .alreadyClosed, .eof, .outputClosed, .inputClosed: "the connection was closed"
        default: "the connection failed"
        }
    }
}
