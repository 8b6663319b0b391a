import Foundation
@testable import NexthinkClient
import NexthinkEmulator
import Synchronization

/// Collects what the client did: trace events and the waits it asked for.
final class Recorder: Sendable {
    private let state = Mutex<(events: [HTTPTraceEvent], sleeps: [Duration])>(([], []))

    var events: [HTTPTraceEvent] { state.withLock { $0.events } }
    var sleeps: [Duration] { state.withLock { $0.sleeps } }

    func record(_ event: HTTPTraceEvent) { state.withLock { $0.events.append(event) } }
    func recordSleep(_ d: Duration) { state.withLock { $0.sleeps.append(d) } }

    func attempts(_ method: String, pathContains fragment: String) -> Int {
        events.filter { $0.method == method && $0.url.contains(fragment) }.count
    }
}

/// Retry waits are recorded, not slept, unless a test needs real time to pass.
func testEnvironment(_ recorder: Recorder, realSleep: Bool = false,
                     onSleep: (@Sendable (Int) async -> Void)? = nil) -> ClientEnvironment {
    ClientEnvironment(
        now: { Date() },
        sleep: { d in
            recorder.recordSleep(d)
            await onSleep?(recorder.sleeps.count)
            if realSleep { try await Task.sleep(for: d) }
        },
        random: { 0.5 })
}

func makeClient(
    api: String, secret: String = "sandbox-secret", clientID: String = "sandbox-client",
    recorder: Recorder = Recorder(), readTimeout: Duration = .seconds(5), retry: RetryPolicy = .standard,
    store: (any TokenStore)? = nil, refreshMargin: Duration = .seconds(60),
    environment: ClientEnvironment? = nil
) throws -> NexthinkClient {
    let config = NexthinkConfiguration(
        location: .urls(api: api, token: nil), clientID: clientID, clientSecret: Secret(secret),
        connectTimeout: .seconds(2), readTimeout: readTimeout, retry: retry, proxy: nil,
        tokenStore: store, refreshMargin: refreshMargin, trace: { recorder.record($0) })
    let endpoints = try Endpoints(config.location)
    let transport = AHCTransport(connectTimeout: config.connectTimeout, readTimeout: readTimeout, proxy: nil)
    return NexthinkClient(configuration: config, endpoints: endpoints, transport: transport,
                          environment: environment ?? testEnvironment(recorder))
}

/// Runs `body` against a fresh emulator on a free port, always shutting both down.
func withEmulator<T>(
    _ options: EmulatorOptions = .init(), recorder: Recorder = Recorder(), readTimeout: Duration = .seconds(5),
    secret: String = "sandbox-secret", retry: RetryPolicy = .standard, refreshMargin: Duration = .seconds(60),
    store: (any TokenStore)? = nil,
    _ body: (EmulatorServer, NexthinkClient) async throws -> T
) async throws -> T {
    let server = try await EmulatorServer.start(options)
    let client: NexthinkClient
    do {
        client = try makeClient(api: server.baseURL, secret: secret, recorder: recorder, readTimeout: readTimeout,
                                retry: retry, store: store, refreshMargin: refreshMargin)
    } catch {
        await server.shutdown()
        throw error
    }
    do {
        let result = try await body(server, client)
        try await client.shutdown()
        await server.shutdown()
        return result
    } catch {
        try? await client.shutdown()
        await server.shutdown()
        throw error
    }
}

/// Runs `body` and returns the NexthinkError it throws (nil if it threw none).
func nexthinkError(_ body: () async throws -> some Any) async -> NexthinkError? {
    do {
        _ = try await body()
        return nil
    } catch let e as NexthinkError {
        return e
    } catch {
        return NexthinkError(kind: .server, message: "unexpected error type: \(error)")
    }
}

let sampleDevices = ["3fa85f64-5717-4562-b3fc-2c963f66afa6"]
