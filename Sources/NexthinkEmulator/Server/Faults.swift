import Synchronization

/// An injected failure for the next calls of a route. Only tests inject faults; no request
/// content ever triggers one.
public enum Fault: Sendable, Equatable {
    /// Answer with this status (and `Retry-After`, seconds or HTTP date) without acting.
    case status(Int, retryAfter: String? = nil)
    /// Wait this long (real time), then handle the request normally.
    case delay(Duration)
    /// Handle the request (an execute is accepted and counted), then close the connection
    /// without answering: the client cannot know the outcome.
    case dropConnection
    /// Close the connection without answering and without acting.
    case dropBeforeActing
}

public final class FaultInjector: Sendable {
    private let queues = Mutex<[EmulatorRoute: [Fault]]>([:])

    init() {}

    /// The next `times` calls of `route` suffer `fault`, after any faults already queued.
    public func inject(_ route: EmulatorRoute, _ fault: Fault, times: Int = 1) {
        guard times > 0 else { return }
        queues.withLock { $0[route, default: []] += Array(repeating: fault, count: times) }
    }

    public func clear() {
        queues.withLock { $0.removeAll() }
    }

    /// Faults still queued for `route`.
    public func pending(_ route: EmulatorRoute) -> Int {
        queues.withLock { $0[route]?.count ?? 0 }
    }

    func next(for route: EmulatorRoute) -> Fault? {
        queues.withLock { q in
            guard var list = q[route], !list.isEmpty else { return nil }
            let fault = list.removeFirst()
            q[route] = list
            return fault
        }
    }
}
