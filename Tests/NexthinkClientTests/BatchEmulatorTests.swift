@testable import NexthinkClient
import NexthinkEmulator
import Testing

/// Batches over real HTTP to the emulator: every batch is one accepted execute call, and a
/// failing batch is never sent again.
@Suite struct BatchEmulatorTests {
    static let template = ExecutionRequest(remoteActionId: "#get_battery_status", devices: [],
                                           triggerInfo: TriggerInfo(externalSource: "nxsh"))

    /// Generous read timeout: 10,000-device bodies are slow to parse in a debug build on a
    /// loaded machine, and a timeout here would be the client's correct "outcome unknown".
    @Test func twentyFiveThousandIdsGoOutAsThreeAcceptedBatches() async throws {
        try await withEmulator(readTimeout: .seconds(60)) { server, client in
            let raw: [String?] = (0..<25_000).map { BatchPlanningTests.uuid($0) } + [BatchPlanningTests.uuid(7)]
            let list = DeviceIDs.normalize(raw)
            #expect(list.duplicatesDropped == 1)
            let batches = BatchPlanner.plan(list.ids)
            let results = await BatchExecutor(template: Self.template, client: client, concurrency: 4).run(batches)
            let ids = results.compactMap { $0.response?.requestId }
            #expect(ids.count == 3, "\(results.map { "\($0.outcome)" })")
            #expect(Set(ids).count == 3)
            #expect(server.stats.executionCount == 3)
            #expect(server.stats.executedDevices == 25_000)
            let rows = try await client.executeNQL(queryID: "#remote_action_executions_by_request",
                                                   parameters: ["request_id": ids[2]])
            #expect(rows.data.count == 5_000)
            #expect(rows.data.first?["device.collector.uid"] == .string(BatchPlanningTests.uuid(20_000)))
        }
    }

    @Test func serverErrorOnTheSecondBatchIsReportedNotResent() async throws {
        try await withEmulator(readTimeout: .seconds(60)) { server, client in
            let batches = BatchPlanner.plan((0..<30).map { BatchPlanningTests.id($0) }, size: 10)
            let results = await BatchExecutor(template: Self.template, client: client, concurrency: 1).run(batches,
                hooks: BatchHooks(didFinish: { result in
                    if result.batch.index == 1 { server.faults.inject(.execute, .status(500)) }
                }))
            #expect(results.map(\.outcomeUnknown) == [false, true, false])
            #expect(results[1].batch.deviceRange == "11-20")
            #expect(results[0].response != nil && results[2].response != nil)
            #expect(server.stats.requests(for: .execute) == 3)
            #expect(server.stats.executionCount == 2)
        }
    }
}
