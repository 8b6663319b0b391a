import Crypto

/// The token store key: token URL, client id and a digest of the secret. A cached token was
/// issued for one secret; with a changed (or wrong) secret it must not be reused, or a bad
/// secret would go unnoticed until the cache expires. The store may write the key to disk, so
/// the secret itself never appears in it, only a SHA-256 salted with URL and client id.
enum TokenCacheKey {
    static func make(token: Endpoint, clientID: String, secret: Secret) -> String {
        let material = "nxsh-token-cache-v1\n\(token.string)\n\(clientID)\n\(secret.reveal())"
        let digest = SHA256.hash(data: Array(material.utf8))
        let hex = digest.map { byte in
            let h = String(byte, radix: 16)
            return byte < 16 ? "0" + h : h
        }.joined()
        return "\(token.string)|\(clientID)|\(hex)"
    }
}
