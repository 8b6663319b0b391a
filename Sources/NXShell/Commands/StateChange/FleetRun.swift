import NXLanguage
import NexthinkClient
import Synchronization

/// Sends a validated, confirmed run in batches: audit intent before each POST, audit result
/// after, progress on a terminal, then one result record (or an error if no batch went
/// through).
struct FleetRun {
    let context: CommandContext
    let plan: FleetPlan

    func execute() async throws -> Value {
        let settings = context.policy.fleet
        let log = AuditLog(path: settings.auditLog)
        try log.prepare()
        let client = try context.connection.client()
        let audit = AuditRun(profile: context.connection.label, api: Self.hostName(client.apiURL),
                             action: plan.template.remoteActionId, batches: plan.batches.count)
        let progress = ProgressLine(console: context.console, enabled: settings.progress)
        let tally = RunTally(batches: plan.batches.count)
        let hooks = BatchHooks(
            willSend: { batch, request in try log.append(audit.intent(batch, request)) },
            didFinish: { result in
                do throws(ShellError) {
                    try log.append(audit.result(result))
                } catch {
                    context.console.message("nxsh: warning: \(error.message)")
                }
                progress.update(tally.add(result))
            })
        let executor = BatchExecutor(concurrency: settings.concurrency) { try await client.execute($0) }
        let results = await executor.run(plan.template, batches: plan.batches, hooks: hooks)
        progress.finish()
        if Task.isCancelled { try interrupted(results) }
        return try report(results)
    }

    /// Ctrl-C or SIGTERM: no new batch started, in-flight ones got their result (or "outcome
    /// unknown"). The partial record is shown here, since the script stops before it could.
    private func interrupted(_ results: [BatchResult]) throws -> Never {
        let sent = results.filter { if case .notSent = $0.outcome { false } else { true } }.count
        context.show(FleetRecords.run(plan, results))
        context.console.message("nxsh: " + ShellMessages.interruptedRun(plan.template.remoteActionId,
                                                                     sent: sent, of: results.count))
        throw CancellationError()
    }

    /// All accepted: the record. Some: the record, a warning, and the partial-failure exit
    /// status. None: an error naming every batch.
    private func report(_ results: [BatchResult]) throws -> Value {
        let accepted = results.filter { $0.response != nil }.count
        let record = FleetRecords.run(plan, results)
        if accepted == results.count { return record }
        let lines = results.compactMap(FleetRecords.problem)
        if accepted == 0 {
            throw Self.noBatchAccepted(results, lines: lines)
        }
        context.outcome.notePartialFailure()
        context.console.message((["nxsh: warning: \(plan.template.remoteActionId): \(accepted) of \(results.count) batches accepted"]
            + lines.map { "  " + $0 } + ["  the run result lists every batch; the audit log has them too"]).joined(separator: "\n"))
        return record
    }

    private static func noBatchAccepted(_ results: [BatchResult], lines: [String]) -> any Error {
        let firstFailure = results.lazy.compactMap { result -> NexthinkError? in
            if case .failed(let e) = result.outcome { return e }
            return nil
        }.first
        guard let firstFailure else {
            return HostError("nothing was sent", notes: lines, exitCode: ExitStatus.runtime)
        }
        var error = ErrorMapping.hostError(firstFailure)
        if results.count > 1 { error.notes = lines + error.notes }
        return error
    }

    static func hostName(_ url: String) -> String {
        guard let schemeEnd = url.firstRange(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        return String(rest.prefix { $0 != "/" })
    }
}

/// Everything decided before sending: the batches and the request shared by all of them.
struct FleetPlan: Sendable {
    var template: ExecutionRequest
    var batches: [DeviceBatch]
    var deviceCount: Int
    var duplicatesDropped: Int
}

/// Counts for the progress line, updated from concurrent batches.
final class RunTally: Sendable {
    private let counts = Mutex<(done: Int, devices: Int, failed: Int)>((0, 0, 0))
    private let batches: Int

    init(batches: Int) {
        self.batches = batches
    }

    func add(_ result: BatchResult) -> String {
        counts.withLock { c in
            c.done += 1
            if let _ = result.response { c.devices += result.batch.devices.count } else { c.failed += 1 }
            let failed = c.failed > 0 ? ", \(c.failed) failed" : ""
            return "run: \(c.done)/\(batches) batches sent, \(c.devices) devices accepted\(failed)"
        }
    }
}
