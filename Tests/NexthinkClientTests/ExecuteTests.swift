import Foundation
@testable import NexthinkClient
import NexthinkEmulator
import Synchronization
import TestSupport
import Testing

@Suite("Execute against the emulator")
struct ExecuteTests {
    let request = ExecutionRequest(
        remoteActionId: "#ExampleRA", params: ["StartType": "Automatic", "StatusChange": "On"],
        devices: sampleDevices,
        triggerInfo: TriggerInfo(externalSource: "ServiceNow", reason: "Printer stuck", externalReference: "SNOW-488783"))

    @Test func happyPathThenStatusThroughNQL() async throws {
        try await withEmulator { server, client in
            let action = try await client.remoteAction(id: "#ExampleRA")
            let accepted = try await client.execute(request, against: action)
            #expect(!accepted.requestId.isEmpty)
            #expect(accepted.expiresInMinutes == 60)
            #expect(server.stats.executionCount == 1)
            let result = try await client.executeNQL(
                queryID: "#remote_action_executions_by_request", parameters: ["request_id": accepted.requestId])
            #expect(result.data.count == 1)
            #expect(result.data.first?["device.collector.uid"] == .string(sampleDevices[0].uuid))
            #expect(result.data.first?["request_id"] == .string(accepted.requestId))
            #expect(result.headers.contains("status"))
        }
    }

    @Test func explicitExpiryIsSentAndEchoed() async throws {
        try await withEmulator { _, client in
            var r = request
            r.expiresInMinutes = 120
            let accepted = try await client.execute(r)
            #expect(accepted.expiresInMinutes == 120)
        }
    }

    @Test(arguments: [
        (ExecutionRequest(remoteActionId: "#ExampleRA", devices: []), "devices"),
        (ExecutionRequest(remoteActionId: "#ExampleRA", devices: Array(repeating: sampleDevices[0], count: 10_001)), "devices"),
        (ExecutionRequest(remoteActionId: "#ExampleRA", devices: sampleDevices, expiresInMinutes: 59), "expiresInMinutes"),
        (ExecutionRequest(remoteActionId: "#ExampleRA", devices: sampleDevices, expiresInMinutes: 10_081), "expiresInMinutes"),
        (ExecutionRequest(remoteActionId: "#ExampleRA", devices: sampleDevices,
                          triggerInfo: TriggerInfo(reason: String(repeating: "x", count: 501))), "triggerInfo.reason"),
        (ExecutionRequest(remoteActionId: "#ExampleRA", params: ["Nope": "x"], devices: sampleDevices), "params.Nope"),
        (ExecutionRequest(remoteActionId: "#ExampleRA", params: ["StartType": "Sometimes"], devices: sampleDevices), "params.StartType"),
    ])
    func invalidRequestsAreNeverSent(_ bad: ExecutionRequest, _ place: String) async throws {
        try await withEmulator { server, client in
            let action = try await client.remoteAction(id: "#ExampleRA")
            let error = try #require(await nexthinkError { try await client.execute(bad, against: action) })
            #expect(error.kind == .validation)
            #expect(error.problems.contains { $0.description.hasPrefix(place + ":") })
            #expect("\(error)".contains("nothing was sent"))
            #expect(server.stats.requests(for: .execute) == 0)
        }
    }

    @Test func actionNotEnabledForAPIIsRejectedLocallyWhenKnown() async throws {
        try await withEmulator { server, client in
            let action = try await client.remoteAction(id: "#collect_event_logs")
            let r = ExecutionRequest(remoteActionId: try NQLID(action.id, .remoteAction), devices: sampleDevices)
            let local = try #require(await nexthinkError { try await client.execute(r, against: action) })
            #expect(local.kind == .validation)
            #expect(server.stats.requests(for: .execute) == 0)
            // Without the details, the service says the same.
            let remote = try #require(await nexthinkError { try await client.execute(r) })
            #expect(remote.kind == .forbidden)
            #expect(remote.code == "REMOTE_ACTION_NOT_API_ENABLED")
            #expect(server.stats.executionCount == 0)
        }
    }

    @Test func throttledExecuteHonoursRetryAfterSeconds() async throws {
        let recorder = Recorder()
        try await withEmulator(recorder: recorder) { server, client in
            server.faults.inject(.execute, .status(429, retryAfter: "2"), times: 1)
            _ = try await client.execute(request)
            #expect(server.stats.requests(for: .execute) == 2)
            #expect(server.stats.executionCount == 1)
            #expect(recorder.sleeps == [.seconds(2)])
        }
    }

    @Test func throttledExecuteHonoursRetryAfterHTTPDate() async throws {
        let recorder = Recorder(), clock = TestClock()
        try await withEmulator(recorder: recorder, environment: testEnvironment(recorder, clock: clock)) { server, client in
            // The client's clock stands still, so however slow the machine the date stays 20 s
            // ahead; the wait is recorded, not slept.
            let date = httpDate(clock.now().addingTimeInterval(20))
            server.faults.inject(.execute, .status(429, retryAfter: date), times: 1)
            _ = try await client.execute(request)
            #expect(server.stats.executionCount == 1)
            let wait = try #require(recorder.sleeps.first)
            #expect(wait > .seconds(10) && wait <= .seconds(20))
        }
    }

    @Test func retryAfterBeyondTheCapFailsAsThrottled() async throws {
        try await withEmulator { server, client in
            server.faults.inject(.execute, .status(429, retryAfter: "3600"), times: 1)
            let error = try #require(await nexthinkError { try await client.execute(request) })
            #expect(error.kind == .throttled)
            #expect(error.retryAfter == .seconds(3600))
            #expect(error.hint?.contains("3600 s") == true)
            #expect(server.stats.requests(for: .execute) == 1)
        }
    }

    @Test func expiredTokenOnExecuteIsRenewedAndRetriedOnce() async throws {
        try await withEmulator { server, client in
            _ = try await client.token()
            server.revokeTokens()
            _ = try await client.execute(request)
            #expect(server.stats.requests(for: .execute) == 2)
            #expect(server.stats.executionCount == 1)
            #expect(server.stats.tokenRequests == 2)
        }
    }

    @Test(arguments: [500, 502, 503, 504])
    func serverErrorOnExecuteIsNotRetried(_ status: Int) async throws {
        try await withEmulator { server, client in
            server.faults.inject(.execute, .status(status), times: 1)
            let error = try #require(await nexthinkError { try await client.execute(request) })
            #expect(error.kind == .outcomeUnknown)
            #expect(error.status == status)
            #expect(error.hint?.contains("before running it again") == true)
            #expect(server.stats.requests(for: .execute) == 1)
        }
    }

    @Test(arguments: [Fault.dropConnection, Fault.dropBeforeActing])
    func droppedExecuteIsNotRetried(_ fault: Fault) async throws {
        try await withEmulator { server, client in
            _ = try await client.token()
            server.faults.inject(.execute, fault, times: 1)
            let error = try #require(await nexthinkError { try await client.execute(request) })
            #expect(error.kind == .outcomeUnknown)
            #expect("\(error)".contains("may or may not have been carried out"))
            #expect(server.stats.requests(for: .execute) == 1)
            #expect(server.stats.executionCount == (fault == .dropConnection ? 1 : 0))
        }
    }

    @Test func timedOutExecuteIsNotRetried() async throws {
        // Wide margins: the whole suite shares two cores, and a loaded machine must not turn the
        // delay into something shorter than the timeout.
        try await withEmulator(readTimeout: .seconds(5)) { server, client in
            _ = try await client.token()
            server.faults.inject(.execute, .delay(.seconds(15)), times: 1)
            let error = try #require(await nexthinkError { try await client.execute(request) })
            #expect(error.kind == .outcomeUnknown)
            #expect(server.stats.requests(for: .execute) == 1)
            // The service did act after all: exactly once.
            try await eventually { server.stats.executionCount > 0 }
            #expect(server.stats.executionCount == 1)
            #expect(server.stats.requests(for: .execute) == 1)
        }
    }

    @Test func refusedConnectionOnExecuteIsRetried() async throws {
        var options = EmulatorOptions()
        let first = try await EmulatorServer.start(options)
        options.port = first.port
        let recorder = Recorder()
        let restarted = Restarted()
        let sameOptions = options
        let holder = Mutex<PortHolder?>(nil)
        let client = try makeClient(api: first.baseURL, recorder: recorder, environment: testEnvironment(recorder) { _ in
            // The service comes back while the client waits to retry.
            holder.withLock { $0?.release() }
            await restarted.start(sameOptions)
        })
        do {
            try await withClient(client) { client in
                _ = try await client.token()
                await first.shutdown()
                // Refuse connections on the port, and keep other tests' servers off it.
                try holder.withLock { $0 = try PortHolder(port: sameOptions.port) }
                let accepted = try await client.execute(request)
                let second = try #require(await restarted.server)
                #expect(!accepted.requestId.isEmpty)
                #expect(second.stats.executionCount == 1)
                #expect(first.stats.executionCount == 0)
                #expect(recorder.events.contains { $0.method == "POST" && $0.status == nil && $0.url.hasSuffix("/execute") })
            }
        } catch {
            await first.shutdown()
            await restarted.stop()
            throw error
        }
        await restarted.stop()
    }
}

actor Restarted {
    private(set) var server: EmulatorServer?

    func start(_ options: EmulatorOptions) async {
        if server == nil { server = try? await EmulatorServer.start(options) }
    }

    func stop() async {
        await server?.shutdown()
    }
}

func httpDate(_ date: Date) -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.timeZone = TimeZone(identifier: "GMT")
    f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    return f.string(from: date)
}
