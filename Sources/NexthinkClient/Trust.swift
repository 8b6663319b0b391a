#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NIOSSL

/// Which certificates the client trusts for TLS. Corporate networks that inspect TLS re-sign
/// traffic with their own CA; these settings let the client trust it without turning
/// verification off.
public struct TrustSettings: Sendable, Hashable {
    /// A PEM bundle that replaces the system roots, as OpenSSL-based tools read SSL_CERT_FILE.
    public var rootsFile: String?
    /// PEM files whose certificates are trusted in addition to the roots (`ca_file`,
    /// NEXTHINK_CA_FILE).
    public var additionalCAFiles: [String]

    public init(rootsFile: String? = nil, additionalCAFiles: [String] = []) {
        self.rootsFile = rootsFile
        self.additionalCAFiles = additionalCAFiles
    }

    /// SSL_CERT_FILE and NEXTHINK_CA_FILE; empty variables count as unset.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> TrustSettings {
        func value(_ name: String) -> String? { env[name].flatMap { $0.isEmpty ? nil : $0 } }
        return TrustSettings(rootsFile: value("SSL_CERT_FILE"), additionalCAFiles: value("NEXTHINK_CA_FILE").map { [$0] } ?? [])
    }

    /// Loads every file now, so a missing or malformed one is a configuration error at start-up
    /// rather than a TLS failure on the first request.
    func tlsConfiguration() throws(NexthinkError) -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let rootsFile { tls.trustRoots = .certificates(try Self.load(rootsFile, role: "SSL_CERT_FILE")) }
        for file in additionalCAFiles {
            tls.additionalTrustRoots.append(.certificates(try Self.load(file, role: "CA file")))
        }
        return tls
    }

    private static func load(_ path: String, role: String) throws(NexthinkError) -> [NIOSSLCertificate] {
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(path)
        } catch {
            let reason = FileManager.default.isReadableFile(atPath: path) ? "holds no readable PEM certificate" : "cannot be read"
            throw NexthinkError(kind: .configuration, message: "\(role) '\(path)' \(reason)",
                                hint: "give a PEM file with one or more -----BEGIN CERTIFICATE----- blocks")
        }
        guard !certificates.isEmpty else {
            throw NexthinkError(kind: .configuration, message: "\(role) '\(path)' holds no certificate",
                                hint: "give a PEM file with one or more -----BEGIN CERTIFICATE----- blocks")
        }
        return certificates
    }
}
