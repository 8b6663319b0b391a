/// What became of one batch.
public enum BatchOutcome: Sendable {
    /// The service accepted the batch.
    case accepted(ExecutionResponse)
    /// The POST was attempted and failed; `NexthinkError.kind == .outcomeUnknown` means the
    /// service may still have acted on it.
    case failed(NexthinkError)
    /// Never sent: an earlier failure stopped the run, the intent could not be recorded, or
    /// the run was cancelled.
    case notSent(reason: String)
}

public struct BatchResult: Sendable {
    public var batch: DeviceBatch
    public var outcome: BatchOutcome

    public init(batch: DeviceBatch, outcome: BatchOutcome) {
        self.batch = batch
        self.outcome = outcome
    }

    public var response: ExecutionResponse? {
        if case .accepted(let r) = outcome { return r }
        return nil
    }

    /// True when the devices of this batch may or may not run the action: the request may have
    /// reached the service but no usable answer came back.
    public var outcomeUnknown: Bool {
        guard case .failed(let e) = outcome else { return false }
        // `.decoding` from execute means a 2xx without a request id: accepted, id lost.
        return e.kind == .outcomeUnknown || e.kind == .decoding
    }

    /// Failures after which the remaining batches would fail the same way (bad credentials,
    /// forbidden action, invalid request, service refusing connections, still throttled):
    /// they are not sent. After an outcome-unknown failure the others still go out, since
    /// each batch is a different set of devices.
    var stopsTheRun: Bool {
        switch outcome {
        case .accepted: false
        case .notSent: true
        case .failed(let e):
            switch e.kind {
            case .outcomeUnknown, .decoding, .server, .timeout: false
            case .auth, .forbidden, .notFound, .invalidRequest, .throttled, .unreachable, .configuration, .validation: true
            }
        }
    }
}

/// Observers of a batch run. `willSend` runs before each POST and must finish first (the
/// audit log writes and syncs its intent record there); if it throws, that batch is not sent
/// and no further batch starts. `didFinish` runs once per batch that was attempted.
public struct BatchHooks: Sendable {
    public var willSend: @Sendable (DeviceBatch, ExecutionRequest) async throws -> Void
    public var didFinish: @Sendable (BatchResult) async -> Void

    public init(willSend: @escaping @Sendable (DeviceBatch, ExecutionRequest) async throws -> Void = { _, _ in },
                didFinish: @escaping @Sendable (BatchResult) async -> Void = { _ in }) {
        self.willSend = willSend
        self.didFinish = didFinish
    }
}

/// Sends the batches of one remote action run with bounded concurrency, each exactly once
/// (the send function is expected to retry only when the service provably did not act).
public struct BatchExecutor: Sendable {
    public typealias Send = @Sendable (ExecutionRequest) async throws -> ExecutionResponse

    public var concurrency: Int
    public var send: Send

    public init(concurrency: Int = 4, send: @escaping Send) {
        self.concurrency = max(1, concurrency)
        self.send = send
    }

    /// Convenience for the real client: each batch is validated and executed by `client`.
    public init(client: NexthinkClient, concurrency: Int = 4) {
        self.init(concurrency: concurrency) { try await client.execute($0) }
    }

    /// One result per batch, in batch order. `template` supplies everything but the devices.
    public func run(_ template: ExecutionRequest, batches: [DeviceBatch], hooks: BatchHooks = .init()) async -> [BatchResult] {
        var results = [BatchResult?](repeating: nil, count: batches.count)
        var stopReason: String?
        await withTaskGroup(of: (Int, BatchResult).self) { group in
            var next = 0
            func startNext() {
                let position = next
                next += 1
                if let stopReason {
                    results[position] = BatchResult(batch: batches[position], outcome: .notSent(reason: stopReason))
                    return
                }
                var request = template
                request.devices = batches[position].devices
                group.addTask { (position, await attempt(batches[position], request, hooks)) }
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

    private func attempt(_ batch: DeviceBatch, _ request: ExecutionRequest, _ hooks: BatchHooks) async -> BatchResult {
        if Task.isCancelled { return BatchResult(batch: batch, outcome: .notSent(reason: "cancelled before it was sent")) }
        do {
            try await hooks.willSend(batch, request)
        } catch {
            return BatchResult(batch: batch, outcome: .notSent(reason: ErrorPhrase.plain(error)))
        }
        let result: BatchResult
        do {
            result = BatchResult(batch: batch, outcome: .accepted(try await send(request)))
        } catch let error as NexthinkError {
            result = BatchResult(batch: batch, outcome: .failed(error))
        } catch {
            // Cancelled (Ctrl-C) or an unexpected failure while the POST may have been on the
            // wire: the service may have acted on it.
            result = BatchResult(batch: batch, outcome: .failed(NexthinkError(
                kind: .outcomeUnknown, message: "batch \(batch.index) was interrupted while being sent (\(ErrorPhrase.plain(error)))",
                method: "POST", path: "/api/v1/act/execute", hint: ErrorContext.outcomeUnknownHint)))
        }
        await hooks.didFinish(result)
        return result
    }

    private static func stopReason(_ result: BatchResult) -> String {
        switch result.outcome {
        case .notSent(let reason): "not sent: batch \(result.batch.index) could not start (\(reason))"
        case .failed(let e): "not sent: batch \(result.batch.index) failed (\(e.kind.label)) and the others would too"
        case .accepted: ""
        }
    }
}
