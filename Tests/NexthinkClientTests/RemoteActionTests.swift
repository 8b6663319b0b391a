import Foundation
@testable import NexthinkClient
import NexthinkEmulator
import Testing

@Suite("Remote action list and details against the emulator")
struct RemoteActionTests {
    @Test func listsEveryAction() async throws {
        try await withEmulator { _, client in
            let actions = try await client.listRemoteActions()
            let ids = Set(actions.map(\.id))
            #expect(ids.contains("#ExampleRA"))
            // Not only API-enabled ones.
            #expect(actions.contains { !$0.targeting.apiEnabled })
            let example = try #require(actions.first { $0.id == "#ExampleRA" })
            #expect(example.scriptInfo.inputs.map(\.name).contains("StartType"))
        }
    }

    @Test func filtersOnTheServer() async throws {
        let recorder = Recorder()
        try await withEmulator(recorder: recorder) { _, client in
            let all = try await client.listRemoteActions()
            let windows = try await client.listRemoteActions(filter: .init(hasScriptWindows: true))
            let macOnly = try await client.listRemoteActions(filter: .init(hasScriptWindows: false, hasScriptMacOs: true))
            #expect(windows.allSatisfy { $0.scriptInfo.hasScriptWindows })
            #expect(windows.count == all.filter(\.scriptInfo.hasScriptWindows).count)
            #expect(windows.count < all.count)
            #expect(!macOnly.isEmpty)
            #expect(macOnly.allSatisfy { !$0.scriptInfo.hasScriptWindows && $0.scriptInfo.hasScriptMacOs })
            let urls = recorder.events.map(\.url)
            #expect(urls.contains { $0.hasSuffix("/api/v1/act/remote-action?hasScriptWindows=true") })
            #expect(urls.contains { $0.hasSuffix("/api/v1/act/remote-action?hasScriptWindows=false&hasScriptMacOs=true") })
        }
    }

    @Test func fetchesDetailsById() async throws {
        try await withEmulator { _, client in
            let action = try await client.remoteAction(id: "#ExampleRA")
            #expect(action.id == "#ExampleRA")
            #expect(action.targeting.apiEnabled)
            let startType = try #require(action.scriptInfo.inputs.first { $0.name == "StartType" })
            #expect(startType.options.contains("Automatic"))
            #expect(!startType.allowCustomValue)
        }
    }

    @Test func sendsTheHashPercentEncodedOnTheWire() async throws {
        let recorder = try WireRecorder(body: ##"{"access_token":"t0k","token_type":"Bearer","expires_in":900,"id":"#ExampleRA"}"##)
        defer { recorder.stop() }
        let action = try await withClient(makeClient(api: "http://127.0.0.1:\(recorder.port)")) {
            try await $0.remoteAction(id: "#ExampleRA")
        }
        #expect(action.id == "#ExampleRA")
        #expect(recorder.requestLines == [
            "POST /oauth2/default/v1/token HTTP/1.1",
            "GET /api/v1/act/remote-action/details?nql-id=%23ExampleRA HTTP/1.1",
        ])
    }

    @Test func unknownIdIsAClearNotFound() async throws {
        try await withEmulator { server, client in
            let error = try #require(await nexthinkError { try await client.remoteAction(id: "#no_such_action") })
            #expect(error.kind == .notFound)
            #expect(error.status == 404)
            #expect(error.code == "REMOTE_ACTION_NOT_FOUND")
            #expect(error.path == "/api/v1/act/remote-action/details?nql-id=%23no_such_action")
            #expect("\(error)".contains("#no_such_action"))
            #expect(error.hint?.contains("list them") == true)
            // A 404 is an answer, not a failure: never retried.
            #expect(server.stats.requests(for: .details) == 1)
        }
    }

    @Test func failedGetsAreRetried() async throws {
        let recorder = Recorder()
        try await withEmulator(recorder: recorder) { server, client in
            _ = try await client.token()
            server.faults.inject(.list, .status(503), times: 1)
            server.faults.inject(.details, .status(502), times: 2)
            _ = try await client.listRemoteActions()
            _ = try await client.remoteAction(id: "#ExampleRA")
            #expect(server.stats.requests(for: .list) == 2)
            #expect(server.stats.requests(for: .details) == 3)
            #expect(recorder.sleeps.count == 3)
        }
    }

    @Test func persistentServerErrorsGiveUpAfterTheAttemptBudget() async throws {
        try await withEmulator { server, client in
            server.faults.inject(.list, .status(503), times: 10)
            let error = try #require(await nexthinkError { try await client.listRemoteActions() })
            #expect(error.kind == .server)
            #expect(error.status == 503)
            #expect(error.code == "INJECTED_FAULT")
            #expect(server.stats.requests(for: .list) == RetryPolicy.standard.maxAttempts)
        }
    }

    @Test func droppedGetIsRetried() async throws {
        try await withEmulator { server, client in
            _ = try await client.token()
            server.faults.inject(.list, .dropConnection, times: 1)
            let actions = try await client.listRemoteActions()
            #expect(!actions.isEmpty)
            #expect(server.stats.requests(for: .list) == 2)
        }
    }

    @Test func unreachableServiceIsReportedAfterRetries() async throws {
        let holder = try PortHolder()
        defer { holder.release() }
        let port = holder.port
        let recorder = Recorder()
        let error = try await withClient(makeClient(api: "http://127.0.0.1:\(port)", recorder: recorder)) { client in
            try #require(await nexthinkError { try await client.listRemoteActions() })
        }
        #expect(error.kind == .unreachable)
        #expect(error.message.contains("127.0.0.1:\(port)"))
        #expect(error.hint?.contains("network") == true)
        // The token call fails first; it is retried like any read.
        #expect(recorder.events.count == RetryPolicy.standard.maxAttempts)
    }
}
