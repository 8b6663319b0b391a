#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// Emulated wall time: starts at the real time of server start and runs `timeScale` times
/// faster; tests can also jump it forward.
final class EmulatedClock: Sendable {
    private let origin = ContinuousClock.now
    private let wallOrigin = Date()
    private let scale: Double
    private let skipped = Mutex<Double>(0)

    init(scale: Double) {
        self.scale = scale
    }

    /// Emulated seconds since 1970.
    func now() -> Double {
        let real = ContinuousClock.now - origin
        let realSeconds = Double(real.components.seconds) + Double(real.components.attoseconds) / 1e18
        return wallOrigin.timeIntervalSince1970 + realSeconds * scale + skipped.withLock { $0 }
    }

    func advance(by duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        skipped.withLock { $0 += max(0, seconds) }
    }

    static func iso8601(_ seconds: Double) -> String {
        Date(timeIntervalSince1970: seconds.rounded(.down)).formatted(.iso8601)
    }
}
