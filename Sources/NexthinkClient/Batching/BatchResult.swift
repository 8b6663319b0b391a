/// What became of one batch.
public enum BatchOutcome<Response: Sendable>: Sendable {
    /// The service accepted the batch.
    case accepted(Response)
    /// The call was attempted and failed; `NexthinkError.kind == .outcomeUnknown` means the
    /// service may still have acted on it.
    case failed(NexthinkError)
    /// Never sent: an earlier failure stopped the run, the intent could not be recorded, or
    /// the run was cancelled.
    case notSent(reason: String)
}

public struct BatchResult<Item: Sendable, Response: Sendable>: Sendable {
    public var batch: Batch<Item>
    public var outcome: BatchOutcome<Response>
    /// Calls made for this batch: 2 when an idempotent call was sent again after an unknown
    /// outcome (the audit log says so), 0 when it was not sent.
    public var attempts: Int

    public init(batch: Batch<Item>, outcome: BatchOutcome<Response>, attempts: Int = 1) {
        self.batch = batch
        self.outcome = outcome
        if case .notSent = outcome { self.attempts = 0 } else { self.attempts = attempts }
    }

    public var response: Response? {
        if case .accepted(let r) = outcome { return r }
        return nil
    }

    /// True when the items of this batch may or may not have been acted on: the request may
    /// have reached the service but no usable answer came back.
    public var outcomeUnknown: Bool {
        guard case .failed(let e) = outcome else { return false }
        // `.decoding` from a state change means a 2xx without a usable body: accepted, answer lost.
        return e.kind == .outcomeUnknown || e.kind == .decoding
    }

    /// Failures after which the remaining batches would fail the same way (bad credentials,
    /// forbidden action, invalid request, service refusing connections, still throttled):
    /// they are not sent. After an outcome-unknown failure the others still go out, since
    /// each batch is a different set of items.
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

/// The result of one batch of a remote action execute.
public typealias ExecutionBatchResult = BatchResult<CollectorID, ExecutionResponse>
