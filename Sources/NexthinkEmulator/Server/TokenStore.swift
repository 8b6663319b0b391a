#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// Access tokens handed out by the token endpoints. They look like JWTs (as the real ones
/// do) but are only valid here: validity is looked up, never decoded from the token.
final class TokenStore: Sendable {
    private let lifetime: Duration
    private let clientID: String
    private let live = Mutex<[String: ContinuousClock.Instant]>([:])
    /// How far `advance(by:)` moved this store's clock past the real one.
    private let skew = Mutex<Duration>(.zero)

    init(lifetime: Duration, clientID: String) {
        self.lifetime = lifetime
        self.clientID = clientID
    }

    /// Whole seconds, as `expires_in` reports them.
    var lifetimeSeconds: Int { Int(lifetime.components.seconds) }

    func issue() -> String {
        let now = self.now
        let issuedAt = Int(Date().timeIntervalSince1970)
        let header = #"{"alg":"RS256","typ":"JWT","kid":"nxsh-emulator"}"#
        let payload = #"{"iss":"nexthink-emulator","sub":"\#(clientID)","scp":["service:integration"],"#
            + #""iat":\#(issuedAt),"exp":\#(issuedAt + lifetimeSeconds),"jti":"\#(Self.randomHex(8))"}"#
        let token = [Self.base64URL(Data(header.utf8)), Self.base64URL(Data(payload.utf8)),
                     Self.base64URL(Data(Self.randomBytes(32)))].joined(separator: ".")
        live.withLock { tokens in
            tokens = tokens.filter { $0.value > now }
            tokens[token] = now + lifetime
        }
        return token
    }

    func isValid(_ token: Substring) -> Bool {
        let now = self.now
        return live.withLock { $0[String(token)].map { $0 > now } ?? false }
    }

    private var now: ContinuousClock.Instant { ContinuousClock.now + skew.withLock { $0 } }

    /// Ages every token by `duration` without waiting.
    func advance(by duration: Duration) {
        skew.withLock { $0 += duration }
    }

    func revokeAll() {
        live.withLock { $0.removeAll() }
    }

    private static func randomBytes(_ count: Int) -> [UInt8] {
        var rng = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
    }

    private static func randomHex(_ count: Int) -> String {
        randomBytes(count).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    private static func base64URL(_ data: Data) -> String {
        data.base64EncodedString()
            .replacing("+", with: "-")
            .replacing("/", with: "_")
            .replacing("=", with: "")
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
