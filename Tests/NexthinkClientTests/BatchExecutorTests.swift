@testable import NexthinkClient
import Synchronization
import Testing

/// The executor with an in-memory send function: ordering, the concurrency bound, hooks, and
/// which failures stop the remaining batches.
@Suite struct BatchExecutorTests {
    final class Probe: Sendable {
        struct State { var inFlight = 0, peak = 0, sent: [Int] = [], events: [String] = [] }
        let state = Mutex(State())
        func event(_ e: String) { state.withLock { $0.events.append(e) } }
    }

    static let template = ExecutionRequest(remoteActionId: "#ExampleRA", devices: [])
    static func batches(_ count: Int, size: Int = 2) -> [DeviceBatch] {
        BatchPlanner.plan((0..<(count * size)).map { BatchPlanningTests.id($0) }, size: size)
    }

    @Test func resultsComeBackInBatchOrderWithinTheConcurrencyBound() async {
        let probe = Probe()
        let executor = BatchExecutor(template: Self.template, concurrency: 3) { request in
            let index = Int(request.devices[0].uuid.suffix(12), radix: 16).map { $0 / 2 + 1 } ?? 0
            probe.state.withLock { $0.inFlight += 1; $0.peak = max($0.peak, $0.inFlight); $0.sent.append(index) }
            try await Task.sleep(for: .milliseconds(index % 3 == 0 ? 5 : 20))
            probe.state.withLock { $0.inFlight -= 1 }
            return ExecutionResponse(requestId: "req-\(index)", expiresInMinutes: 60)
        }
        let results = await executor.run(Self.batches(10))
        #expect(results.map { $0.response?.requestId } == (1...10).map { "req-\($0)" })
        #expect(probe.state.withLock { $0.peak } <= 3)
        #expect(probe.state.withLock { $0.peak } >= 2)
        #expect(probe.state.withLock { $0.sent.sorted() } == Array(1...10))
    }

    @Test func intentHookRunsBeforeEachSendAndResultHookAfter() async {
        let probe = Probe()
        let executor = BatchExecutor(template: Self.template, concurrency: 1) { request in
            probe.event("send \(request.devices.count)")
            return ExecutionResponse(requestId: "r")
        }
        let hooks = BatchHooks<CollectorID, ExecutionResponse>(willSend: { batch in probe.event("intent \(batch.index) \(batch.items.count)") },
                               didFinish: { result in probe.event("result \(result.batch.index)") })
        _ = await executor.run(Self.batches(2, size: 3), hooks: hooks)
        #expect(probe.state.withLock { $0.events } == ["intent 1 3", "send 3", "result 1", "intent 2 3", "send 3", "result 2"])
    }

    @Test func outcomeUnknownFailureLetsTheOtherBatchesComplete() async {
        let executor = BatchExecutor(template: Self.template, concurrency: 1) { request in
            if request.devices[0] == BatchPlanningTests.id(2) {
                throw NexthinkError(kind: .outcomeUnknown, status: 500, message: "boom")
            }
            return ExecutionResponse(requestId: "ok")
        }
        let results = await executor.run(Self.batches(3))
        #expect(results.map(\.outcomeUnknown) == [false, true, false])
        #expect(results.map { $0.response?.requestId } == ["ok", nil, "ok"])
    }

    @Test func definitiveFailureStopsTheBatchesNotYetStarted() async {
        let calls = Mutex(0)
        let executor = BatchExecutor(template: Self.template, concurrency: 1) { _ in
            calls.withLock { $0 += 1 }
            throw NexthinkError(kind: .forbidden, status: 403, message: "not API-enabled")
        }
        let results = await executor.run(Self.batches(3))
        #expect(calls.withLock { $0 } == 1)
        guard case .failed(let e) = results[0].outcome else { Issue.record("batch 1 not failed"); return }
        #expect(e.kind == .forbidden)
        for result in results.dropFirst() {
            guard case .notSent(let reason) = result.outcome else { Issue.record("batch sent"); continue }
            #expect(reason.contains("batch 1 failed"))
        }
    }

    @Test func failingIntentHookMeansNothingIsSent() async {
        struct DiskFull: Error {}
        let calls = Mutex(0)
        let executor = BatchExecutor(template: Self.template, concurrency: 2) { _ in
            calls.withLock { $0 += 1 }
            return ExecutionResponse(requestId: "r")
        }
        let results = await executor.run(Self.batches(4), hooks: BatchHooks(willSend: { _ in throw DiskFull() }))
        #expect(calls.withLock { $0 } == 0)
        #expect(results.allSatisfy { if case .notSent = $0.outcome { true } else { false } })
    }

    @Test func cancellationBeforeSendingSendsNothing() async {
        let calls = Mutex(0)
        let executor = BatchExecutor(template: Self.template, concurrency: 2) { _ in
            calls.withLock { $0 += 1 }
            return ExecutionResponse(requestId: "r")
        }
        let task = Task { () -> [ExecutionBatchResult] in
            withUnsafeCurrentTask { $0?.cancel() }
            return await executor.run(Self.batches(3))
        }
        let results = await task.value
        #expect(calls.withLock { $0 } == 0)
        #expect(results.count == 3)
    }

    @Test func anIdempotentCallIsSentOnceMoreAfterAnUnknownOutcome() async {
        let calls = Mutex(0)
        let executor = BatchExecutor<String, Int>(concurrency: 1, path: "/api/v1/enrichment/data/fields",
                                                  resendsUnknownOutcome: true) { batch in
            let call = calls.withLock { $0 += 1; return $0 }
            if call == 1 { throw NexthinkError(kind: .outcomeUnknown, status: 502, message: "bad gateway") }
            return batch.items.count
        }
        let results = await executor.run(BatchPlanner.batches(["a", "b", "c"], size: 2))
        #expect(results.map(\.response) == [2, 1])
        #expect(results.map(\.attempts) == [2, 1])
        #expect(calls.withLock { $0 } == 3)
    }

    @Test func aStateChangeIsNeverSentAgainAfterAnUnknownOutcome() async {
        let calls = Mutex(0)
        let executor = BatchExecutor(template: Self.template, concurrency: 1) { _ in
            calls.withLock { $0 += 1 }
            throw NexthinkError(kind: .outcomeUnknown, status: 502, message: "bad gateway")
        }
        let results = await executor.run(Self.batches(1))
        #expect(results.map(\.attempts) == [1])
        #expect(calls.withLock { $0 } == 1)
    }
}
