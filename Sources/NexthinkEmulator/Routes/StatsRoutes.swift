import Hummingbird

/// `GET /emulator/stats`: the counters of `EmulatorServer.stats` as JSON, so a process outside
/// (scripts/load, scripts/bench) can prove what the emulator did, e.g. that no execution was
/// lost under load. Not a Nexthink route; no token needed: it holds counts, never credentials.
struct StatsRoutes: Sendable {
    let state: EmulatorState

    func register(on router: Router<EmulatorContext>) {
        router.get("/emulator/stats") { _, _ in
            let stats = state.stats
            var requests: [String: Int] = [:]
            var accepted: [String: Int] = [:]
            for route in EmulatorRoute.allCases {
                requests[route.rawValue] = stats.requests(for: route)
                if stats.accepted(for: route) > 0 { accepted[route.rawValue] = stats.accepted(for: route) }
            }
            return Reply.json(Snapshot(executions: stats.executionCount, executedDevices: stats.executedDevices,
                                       tokensIssued: stats.tokensIssued, requests: requests, accepted: accepted))
        }
    }

    private struct Snapshot: Encodable {
        var executions: Int
        var executedDevices: Int
        var tokensIssued: Int
        /// Calls per route (`token`, `list`, `details`, `execute`, ...), faulted and rejected ones included.
        var requests: [String: Int]
        /// Acted-on calls of the other state-changing routes (`workflowExecute`, `thinkletTrigger`, `campaignTrigger`).
        var accepted: [String: Int]
    }
}
