import Foundation
@testable import NexthinkClient
import Synchronization
import Testing

/// An in-memory transport that answers from a script, in addition to (never instead of) the
/// emulator tests: it reaches cases the emulator cannot produce on demand.
final class ScriptedTransport: HTTPTransport {
    private let script: Mutex<[Result<HTTPResponse, TransportError>]>
    private let sent = Mutex<[String]>([])

    init(_ script: [Result<HTTPResponse, TransportError>]) {
        self.script = Mutex(script)
    }

    var requests: [String] { sent.withLock { $0 } }

    func send(_ request: HTTPRequest) async -> Result<HTTPResponse, TransportError> {
        sent.withLock { $0.append("\(request.method) \(request.displayPath)") }
        return script.withLock { $0.isEmpty ? .failure(.connectionLost("script exhausted")) : $0.removeFirst() }
    }

    func shutdown() async throws {}
}

func reply(_ status: Int, _ body: String = "{}", headers: [(name: String, value: String)] = []) -> Result<HTTPResponse, TransportError> {
    .success(HTTPResponse(status: status, headers: headers, body: Array(body.utf8)))
}

let tokenReply = reply(200, ##"{"access_token":"abc","token_type":"Bearer","expires_in":900,"scope":"service:integration"}"##)

func scriptedClient(_ transport: ScriptedTransport, recorder: Recorder = Recorder()) throws -> NexthinkClient {
    let config = NexthinkConfiguration(location: .instance("acme", region: .eu), clientID: "c", clientSecret: Secret("s"),
                                       proxy: nil, trace: { recorder.record($0) })
    return NexthinkClient(configuration: config, endpoints: try Endpoints(config.location), transport: transport,
                          environment: testEnvironment(recorder))
}

@Suite("Requester with a scripted transport")
struct RequesterTests {
    let request = ExecutionRequest(remoteActionId: "#ExampleRA", devices: sampleDevices)

    @Test func readsRetryAfterALostConnection() async throws {
        let t = ScriptedTransport([tokenReply, .failure(.connectionLost("reset")), reply(200, "[]")])
        let actions = try await scriptedClient(t).listRemoteActions()
        #expect(actions.isEmpty)
        #expect(t.requests == ["POST /oauth2/default/v1/token", "GET /api/v1/act/remote-action", "GET /api/v1/act/remote-action"])
    }

    @Test func executeIsNeverRepeatedAfterATimeout() async throws {
        let t = ScriptedTransport([tokenReply, .failure(.timedOut("no response")), reply(200, ##"{"requestId":"r"}"##)])
        let error = try #require(await nexthinkError { try await scriptedClient(t).execute(request) })
        #expect(error.kind == .outcomeUnknown)
        #expect(t.requests.filter { $0.hasPrefix("POST /api/v1/act/execute") }.count == 1)
    }

    @Test func a401AfterRenewalIsAnAuthError() async throws {
        let t = ScriptedTransport([tokenReply, reply(401, ""), tokenReply, reply(401, "")])
        let error = try #require(await nexthinkError { try await scriptedClient(t).listRemoteActions() })
        #expect(error.kind == .auth)
        #expect(t.requests.count == 4)
    }

    @Test func executeAcceptedButUnreadableSaysSo() async throws {
        let t = ScriptedTransport([tokenReply, reply(200, "not json")])
        let error = try #require(await nexthinkError { try await scriptedClient(t).execute(request) })
        #expect(error.kind == .decoding)
        #expect(error.message.contains("accepted"))
    }

    @Test func garbageListIsADecodingErrorWithAPath() async throws {
        let t = ScriptedTransport([tokenReply, reply(200, ##"[{"id":"#a"},{"name":"no id"}]"##)])
        let error = try #require(await nexthinkError { try await scriptedClient(t).listRemoteActions() })
        #expect(error.kind == .decoding)
        #expect(error.message.contains("[1].id"))
    }

    @Test func tokenWithoutAccessTokenIsReported() async throws {
        let t = ScriptedTransport([reply(200, ##"{"token_type":"Bearer"}"##)])
        let error = try #require(await nexthinkError { try await scriptedClient(t).token() })
        #expect(error.kind == .decoding)
        #expect(error.message.contains("without an access token"))
    }

    @Test func retryWaitsAreTraced() async throws {
        let recorder = Recorder()
        let t = ScriptedTransport([tokenReply, reply(503), reply(503, "", headers: [("Retry-After", "4")]), reply(200, "[]")])
        _ = try await scriptedClient(t, recorder: recorder).listRemoteActions()
        #expect(recorder.sleeps.count == 2)
        #expect(recorder.sleeps.last == .seconds(4))
        #expect(recorder.events.map(\.attempt) == [1, 1, 2, 3])
    }
}
