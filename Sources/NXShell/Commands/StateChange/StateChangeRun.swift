import NXLanguage
import NexthinkClient
import Synchronization

/// Sends a validated, confirmed change in batches: audit intent before each call, audit result
/// after, progress on a terminal, then one value (or an error if no batch went through).
struct StateChangeRun<Change: BatchedChange> {
    typealias Result = BatchResult<Change.Item, Change.Response>
    let context: CommandContext
    let change: Change

    func execute() async throws -> Value {
        let settings = context.policy.fleet
        let log = AuditLog(path: settings.auditLog)
        try log.prepare()
        let client = try context.connection.client()
        let audit = AuditRun(profile: context.connection.label, api: AuditRun.host(of: client.apiURL),
                             action: change.subject, kind: change.auditKind, batches: change.batches.count)
        let progress = ProgressLine(console: context.console, enabled: settings.progress)
        let tally = RunTally(batches: change.batches.count, noun: change.itemNoun)
        let change = self.change
        let hooks = BatchHooks<Change.Item, Change.Response>(
            willSend: { batch in try log.append(audit.intent(batch, of: change)) },
            didFinish: { result in
                do throws(ShellError) {
                    try log.append(audit.result(result, of: change))
                } catch {
                    context.console.message(ShellMessages.warning(error.message))
                }
                progress.update(tally.add(accepted: result.response != nil, items: result.batch.items.count))
            })
        let results = await change.executor(client, concurrency: settings.concurrency).run(change.batches, hooks: hooks)
        progress.finish()
        if Task.isCancelled { try interrupted(results) }
        return try report(results)
    }

    /// Ctrl-C or SIGTERM: no new batch started, in-flight ones got their result (or "outcome
    /// unknown"). The partial value is shown here, since the script stops before it could.
    private func interrupted(_ results: [Result]) throws -> Never {
        let sent = results.filter { if case .notSent = $0.outcome { false } else { true } }.count
        context.show(change.value(results))
        context.console.message(ShellMessages.interruptedRun(change.subject, sent: sent, of: results.count))
        throw CancellationError()
    }

    /// All accepted and acted on: the value. Some: the value, a warning, and the
    /// partial-failure exit status. None: an error naming every batch.
    private func report(_ results: [Result]) throws -> Value {
        let accepted = results.filter { $0.response != nil }.count
        let value = change.value(results)
        let shortfall = change.shortfall(results)
        if accepted == results.count && shortfall.isEmpty { return value }
        let lines = results.compactMap { FleetValues.problem($0, noun: change.itemNoun) }
        if accepted == 0 {
            throw Self.noBatchAccepted(results, lines: lines)
        }
        context.outcome.notePartialFailure()
        context.console.message(ShellMessages.partialRun(change.subject, accepted: accepted, of: results.count,
                                                         problems: lines, shortfall: shortfall, change.itemNoun))
        return value
    }

    private static func noBatchAccepted(_ results: [Result], lines: [String]) -> any Error {
        let firstFailure = results.lazy.compactMap { result -> NexthinkError? in
            if case .failed(let e) = result.outcome { return e }
            return nil
        }.first
        guard let firstFailure else {
            return HostError(ShellMessages.nothingSent, notes: lines, exitCode: ExitStatus.runtime)
        }
        var error = ErrorMapping.hostError(firstFailure)
        if results.count > 1 { error.notes = lines + error.notes }
        return error
    }
}

/// Counts for the progress line, updated from concurrent batches.
final class RunTally: Sendable {
    private let counts = Mutex<(done: Int, items: Int, failed: Int)>((0, 0, 0))
    private let batches: Int
    private let noun: String

    init(batches: Int, noun: String) {
        self.batches = batches
        self.noun = noun
    }

    func add(accepted: Bool, items: Int) -> String {
        counts.withLock { c in
            c.done += 1
            if accepted { c.items += items } else { c.failed += 1 }
            return ShellMessages.runProgress(done: c.done, of: batches, items: c.items, noun, failed: c.failed)
        }
    }
}
