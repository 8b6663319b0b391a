import Synchronization

/// Counters that let tests prove what the emulator did (e.g. that nothing ran twice).
public final class EmulatorStats: Sendable {
    private struct Counters {
        var requests: [EmulatorRoute: Int] = [:]
        var executions = 0
        var devices = 0
        var tokensIssued = 0
        var accepted: [EmulatorRoute: Int] = [:]
    }

    private let counters = Mutex(Counters())

    init() {}

    /// Accepted execute calls (200 answers, plus those accepted then dropped by `.dropConnection`).
    public var executionCount: Int { counters.withLock { $0.executions } }
    /// Devices across all accepted execute calls.
    public var executedDevices: Int { counters.withLock { $0.devices } }
    /// Calls of either token path, whatever their outcome.
    public var tokenRequests: Int { requests(for: .token) }
    /// Tokens handed out.
    public var tokensIssued: Int { counters.withLock { $0.tokensIssued } }

    /// Calls received for `route`, including faulted and rejected ones.
    public func requests(for route: EmulatorRoute) -> Int {
        counters.withLock { $0.requests[route] ?? 0 }
    }

    /// State-changing calls of `route` the emulator acted on (workflow executes, thinklet and
    /// campaign triggers; including those acted on and then dropped by `.dropConnection`), so a
    /// test can prove a trigger was never carried out twice.
    public func accepted(for route: EmulatorRoute) -> Int {
        counters.withLock { $0.accepted[route] ?? 0 }
    }

    func recordAccepted(_ route: EmulatorRoute) {
        counters.withLock { $0.accepted[route, default: 0] += 1 }
    }

    func recordRequest(_ route: EmulatorRoute) {
        counters.withLock { $0.requests[route, default: 0] += 1 }
    }

    func recordExecution(devices: Int) {
        counters.withLock {
            $0.executions += 1
            $0.devices += devices
        }
    }

    func recordTokenIssued() {
        counters.withLock { $0.tokensIssued += 1 }
    }
}
