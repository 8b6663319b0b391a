import HummingbirdCore
import HummingbirdTLS
import NIOSSL

/// Serve HTTPS instead of HTTP: a PEM certificate chain (server certificate first) and its
/// PEM private key. Lets tests check the client's trust settings against a CA they made.
public struct EmulatorTLS: Sendable, Hashable {
    public var certificateFile: String
    public var privateKeyFile: String

    public init(certificateFile: String, privateKeyFile: String) {
        self.certificateFile = certificateFile
        self.privateKeyFile = privateKeyFile
    }

    func serverBuilder() throws(EmulatorError) -> HTTPServerBuilder {
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(certificateFile).map { NIOSSLCertificateSource.certificate($0) }
            guard !chain.isEmpty else { throw EmulatorError.invalidOption("\(certificateFile) holds no certificate") }
            let key = try NIOSSLPrivateKey(file: privateKeyFile, format: .pem)
            let tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
            return try .tls(.http1(), tlsConfiguration: tls)
        } catch let error as EmulatorError {
            throw error
        } catch {
            throw EmulatorError.invalidOption(
                "cannot use TLS certificate \(certificateFile) with key \(privateKeyFile): \(error)")
        }
    }
}
