import Foundation
@testable import NexthinkClient
import NexthinkEmulator
import Synchronization
import TestSupport

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

/// The client's idea of the current time, moved forward by the test instead of by waiting.
final class TestClock: Sendable {
    private let current = Mutex(Date())

    func now() -> Date { current.withLock { $0 } }
    func advance(by duration: Duration) { current.withLock { $0.addTimeInterval(duration.seconds) } }
}

/// Retry waits are recorded, not slept, unless a test needs real time to pass. The client reads
/// the time from `clock` when given, else from the system.
func testEnvironment(_ recorder: Recorder, realSleep: Bool = false, clock: TestClock? = nil,
                     onSleep: (@Sendable (Int) async -> Void)? = nil) -> ClientEnvironment {
    ClientEnvironment(
        now: { clock?.now() ?? Date() },
        sleep: { d in
            recorder.recordSleep(d)
            await onSleep?(recorder.sleeps.count)
            if realSleep { try await Task.sleep(for: d) }
        },
        random: { 0.5 })
}

/// The client's own default: on a loaded machine (the whole suite in parallel on two cores,
/// `scripts/test --under-load`) an undelayed answer took over 5 s, and a shorter timeout turned
/// into a retry that the request counts of the tests then saw. Tests of timeouts pass their own.
let defaultTestReadTimeout: Duration = .seconds(60)

func makeClient(
    api: String, secret: String = "sandbox-secret", clientID: String = "sandbox-client",
    recorder: Recorder = Recorder(), readTimeout: Duration = defaultTestReadTimeout, retry: RetryPolicy = .standard,
    store: (any TokenStore)? = nil, refreshMargin: Duration = .seconds(60),
    environment: ClientEnvironment? = nil
) throws -> NexthinkClient {
    let config = NexthinkConfiguration(
        location: .urls(api: api, token: nil), clientID: clientID, clientSecret: Secret(secret),
        connectTimeout: .seconds(10), readTimeout: readTimeout, retry: retry, proxy: nil,
        tokenStore: store, refreshMargin: refreshMargin, trace: { recorder.record($0) })
    let endpoints = try Endpoints(config.location)
    let transport = AHCTransport(connectTimeout: config.connectTimeout, readTimeout: readTimeout, proxy: nil)
    return NexthinkClient(configuration: config, endpoints: endpoints, transport: transport,
                          environment: environment ?? testEnvironment(recorder))
}

/// Runs `body` with `client`, shutting it down on every path: AsyncHTTPClient traps when a
/// client is released without shutdown, which would end the whole test run, not one test.
func withClient<T>(_ client: NexthinkClient, _ body: (NexthinkClient) async throws -> T) async throws -> T {
    do {
        let result = try await body(client)
        try await client.shutdown()
        return result
    } catch {
        try? await client.shutdown()
        throw error
    }
}

/// Runs `body` against a fresh emulator on a free port, always shutting both down.
func withEmulator<T>(
    _ options: EmulatorOptions = .init(), recorder: Recorder = Recorder(), readTimeout: Duration = defaultTestReadTimeout,
    secret: String = "sandbox-secret", retry: RetryPolicy = .standard, refreshMargin: Duration = .seconds(60),
    store: (any TokenStore)? = nil, environment: ClientEnvironment? = nil,
    _ body: (EmulatorServer, NexthinkClient) async throws -> T
) async throws -> T {
    try await withEmulatorServer(options) { server in
        let client = try makeClient(api: server.baseURL, secret: secret, recorder: recorder, readTimeout: readTimeout,
                                    retry: retry, store: store, refreshMargin: refreshMargin, environment: environment)
        return try await withClient(client) { try await body(server, $0) }
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

let sampleDevices: [CollectorID] = ["3fa85f64-5717-4562-b3fc-2c963f66afa6"]
