import NXLanguage
import NexthinkClient

/// `wait r [timeout D]`: polls `status` until every device is final (success, failure,
/// expired) or the timeout passes, with a live one-line summary on a terminal and a summary
/// by status on stderr at the end. Returns the last rows either way.
struct FleetWait {
    let status: FleetStatus
    let console: Console
    var clock = ContinuousClock()

    func wait(for target: Value, timeoutSeconds: Int?) async throws -> Value {
        let ids = try FleetStatus.requests(in: target)
        if ids.contains(where: { $0.kind == .campaign }) {
            throw HostError(ShellMessages.campaignNotWaitable, notes: [ShellMessages.campaignNotWaitableNote],
                            exitCode: ExitStatus.runtime)
        }
        let expected = FleetStatus.expectedDevices(in: target)
        let limit = Duration.seconds(timeoutSeconds ?? Self.defaultTimeout(target))
        let settings = status.policy.fleet
        let progress = ProgressLine(console: console, enabled: settings.progress)
        // Ctrl-C ends the sleep with CancellationError: the live line must not stay behind.
        defer { progress.finish() }
        let start = clock.now
        var interval = settings.pollInterval
        var rows: [Value] = []
        var counts = StatusCounts(rows: [])
        while true {
            if let fresh = try await poll(ids) {
                rows = fresh
                counts = StatusCounts(rows: rows)
                progress.update(ShellMessages.waitProgress(counts.line))
                if counts.allFinal(expected: expected) { break }
            }
            let remaining = limit - (clock.now - start)
            if remaining <= .zero { break }
            try await Task.sleep(for: min(interval, remaining))
            interval = min(interval * 3 / 2, settings.maxPollInterval)
        }
        progress.finish()
        let final = counts.allFinal(expected: expected)
        console.message(counts.summary(elapsed: clock.now - start, timeout: final ? nil : limit, expected: expected))
        return .list(rows)
    }

    /// nil when throttled even after the client's retries: skip this round, poll again later.
    private func poll(_ ids: [FollowedRequest]) async throws -> [Value]? {
        do {
            return try await status.rows(for: ids)
        } catch let error as NexthinkError where error.kind == .throttled {
            if let pause = error.retryAfter { try await Task.sleep(for: pause) }
            return nil
        }
    }

    /// Without `timeout`: until the run's executions expire (plus 5 minutes for the service
    /// to report them), or 65 minutes for a bare request id (the API's default expiry is 60).
    /// The record may come from anywhere, so its expiry is clamped to what the API accepts
    /// (at most 10080 minutes) before any arithmetic.
    static func defaultTimeout(_ target: Value) -> Int {
        if case .record(let r) = target, case .int(let minutes)? = r["expiresInMinutes"] {
            return (min(max(minutes, 0), maxExpiryMinutes) + 5) * 60
        }
        return 65 * 60
    }

    static let maxExpiryMinutes = 10_080
}

/// Devices per status, in a fixed order (final ones first) for summaries.
struct StatusCounts {
    private(set) var counts: [String: Int] = [:]
    private(set) var total = 0

    init(rows: [Value]) {
        for row in rows {
            guard case .record(let r) = row else { continue }
            let status: String = if case .string(let s)? = r["status"] { s } else { "unknown" }
            counts[status, default: 0] += 1
            total += 1
        }
    }

    var ordered: [(String, Int)] {
        let known = ["success", "failure", "expired", "in_progress", "waiting_for_device"]
        let others = counts.keys.filter { !known.contains($0) }.sorted()
        return (known + others).compactMap { status in counts[status].map { (status, $0) } }
    }

    var waiting: Int {
        counts.filter { !FleetStatus.finalStatuses.contains($0.key) }.values.reduce(0, +)
    }

    func allFinal(expected: Int?) -> Bool {
        total > 0 && waiting == 0 && total >= (expected ?? 0)
    }

    /// `812 success, 9 failure, 179 waiting` — waiting covers every non-final status.
    var line: String {
        let final = ordered.filter { FleetStatus.finalStatuses.contains($0.0) }.map { ShellMessages.statusCount($0.1, $0.0) }
        return (final + [ShellMessages.waitingCount(waiting)]).joined(separator: ", ")
    }

    /// `timeout` is the limit that was reached, nil when every execution is final.
    func summary(elapsed: Duration, timeout: Duration?, expected: Int?) -> String {
        let head = timeout.map {
            ShellMessages.waitTimedOut(seconds: $0.components.seconds, waiting: waiting, of: total, expected: expected)
        } ?? ShellMessages.waitAllFinal(total, seconds: elapsed.components.seconds)
        let width = max(6, ordered.map(\.0.count).max() ?? 0)
        let lines = ordered.map { status, n in
            "  " + status.padded(to: width) + "  " + String(n)
        }
        return ([head] + lines).joined(separator: "\n")
    }
}
