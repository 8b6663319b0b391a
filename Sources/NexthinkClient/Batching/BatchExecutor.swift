/// Observers of a batch run. `willSend` runs before each call and must finish first (the
/// audit log writes and syncs its intent record there); if it throws, that batch is not sent
/// and no further batch starts. `didFinish` runs once per batch that was attempted.
public struct BatchHooks<Item: Sendable, Response: Sendable>: Sendable {
    public var willSend: @Sendable (Batch<Item>) async throws -> Void
    public var didFinish: @Sendable (BatchResult<Item, Response>) async -> Void

    public init(willSend: @escaping @Sendable (Batch<Item>) async throws -> Void = { _ in },
                didFinish: @escaping @Sendable (BatchResult<Item, Response>) async -> Void = { _ in }) {
        self.willSend = willSend
        self.didFinish = didFinish
    }
}

/// Sends the batches of one long state change (execute, workflow or campaign trigger,
/// enrichment, deletion) with bounded concurrency, each exactly once: `send` is expected to
/// retry only when the service provably did not act. Only an idempotent call
/// (`resendsUnknownOutcome`, e.g. enrichment) is sent a second time after an unknown outcome.
public struct BatchExecutor<Item: Sendable, Response: Sendable>: Sendable {
    public typealias Send = @Sendable (Batch<Item>) async throws -> Response

    public var concurrency: Int
    /// Method and path of the call, for the error of a batch interrupted while being sent.
    public var method: String
    public var path: String
    public var resendsUnknownOutcome: Bool
    /// What to check before retrying by hand, for the error of an interrupted batch.
    public var unknownOutcomeHint: String
    public var send: Send

    public init(concurrency: Int = 4, method: String = "POST", path: String, resendsUnknownOutcome: Bool = false,
                unknownOutcomeHint: String? = nil, send: @escaping Send) {
        self.concurrency = max(1, concurrency)
        self.method = method
        self.path = path
        self.resendsUnknownOutcome = resendsUnknownOutcome
        self.unknownOutcomeHint = unknownOutcomeHint ?? ErrorContext.outcomeUnknownHint
        self.send = send
    }

    /// One result per batch, in batch order.
    public func run(_ batches: [Batch<Item>], hooks: BatchHooks<Item, Response> = .init()) async
        -> [BatchResult<Item, Response>] {
        var results = [BatchResult<Item, Response>?](repeating: nil, count: batches.count)
        var stopReason: String?
        await withTaskGroup(of: (Int, BatchResult<Item, Response>).self) { group in
            var next = 0
            func startNext() {
                let position = next
                next += 1
                if let stopReason {
                    results[position] = BatchResult(batch: batches[position], outcome: .notSent(reason: stopReason))
                    return
                }
                group.addTask { (position, await attempt(batches[position], hooks)) }
            }
            while next < min(concurrency, batches.count) { startNext() }
            for await (position, result) in group {
                results[position] = result
                if stopReason == nil, result.stopsTheRun { stopReason = Self.stopReason(result) }
                if next < batches.count { startNext() }
            }
            while next < batches.count { startNext() }
        }
        return zip(batches, results).map { batch, result in
            result ?? BatchResult(batch: batch, outcome: .notSent(reason: "not started"))
        }
    }

    private func attempt(_ batch: Batch<Item>, _ hooks: BatchHooks<Item, Response>) async -> BatchResult<Item, Response> {
        if Task.isCancelled { return BatchResult(batch: batch, outcome: .notSent(reason: "cancelled before it was sent")) }
        do {
            try await hooks.willSend(batch)
        } catch {
            return BatchResult(batch: batch, outcome: .notSent(reason: ErrorPhrase.plain(error)))
        }
        var result = await call(batch, attempts: 1)
        if resendsUnknownOutcome, result.outcomeUnknown, !Task.isCancelled {
            result = await call(batch, attempts: 2)
        }
        await hooks.didFinish(result)
        return result
    }

    private func call(_ batch: Batch<Item>, attempts: Int) async -> BatchResult<Item, Response> {
        do {
            return BatchResult(batch: batch, outcome: .accepted(try await send(batch)), attempts: attempts)
        } catch let error as NexthinkError {
            return BatchResult(batch: batch, outcome: .failed(error), attempts: attempts)
        } catch {
            // Cancelled (Ctrl-C) or an unexpected failure while the call may have been on the
            // wire: the service may have acted on it.
            return BatchResult(batch: batch, outcome: .failed(NexthinkError(
                kind: .outcomeUnknown, message: "batch \(batch.index) was interrupted while being sent (\(ErrorPhrase.plain(error)))",
                method: method, path: path, hint: unknownOutcomeHint)), attempts: attempts)
        }
    }

    private static func stopReason(_ result: BatchResult<Item, Response>) -> String {
        switch result.outcome {
        case .notSent(let reason): "not sent: batch \(result.batch.index) could not start (\(reason))"
        case .failed(let e): "not sent: batch \(result.batch.index) failed (\(e.kind.label)) and the others would too"
        case .accepted: ""
        }
    }
}

extension BatchExecutor where Item == CollectorID, Response == ExecutionResponse {
    /// Remote action execution: `template` supplies everything but the devices of each batch.
    public init(template: ExecutionRequest, concurrency: Int = 4,
                execute: @escaping @Sendable (ExecutionRequest) async throws -> ExecutionResponse) {
        self.init(concurrency: concurrency, path: "/api/v1/act/execute") { batch in
            var request = template
            request.devices = batch.items
            return try await execute(request)
        }
    }

    /// The real client: each batch is validated and executed by `client`.
    public init(template: ExecutionRequest, client: NexthinkClient, concurrency: Int = 4) {
        self.init(template: template, concurrency: concurrency) { try await client.execute($0) }
    }
}
