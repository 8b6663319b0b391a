import Hummingbird
import Logging
import ServiceLifecycle

/// A running fake of the Nexthink Remote Actions + NQL API (and its token endpoint) on a real
/// HTTP port. `start` returns once the port is bound; call `shutdown` when done.
public final class EmulatorServer: Sendable {
    /// API host and token host at once, e.g. `http://127.0.0.1:54321` (`https://` with `tls`).
    public let baseURL: String
    public let port: Int
    public let options: EmulatorOptions
    private let state: EmulatorState
    private let group: ServiceGroup
    private let runner: Task<Void, any Error>

    public var faults: FaultInjector { state.faults }
    public var stats: EmulatorStats { state.stats }
    /// Objects written by enrichment calls, each object of each call counted.
    public var enrichedObjects: Int { state.inventory.enrichedObjects }
    /// Devices scheduled for deletion (and gone from queries).
    public var deletedDevices: Int { state.inventory.deletedDevices }

    private init(port: Int, state: EmulatorState, group: ServiceGroup, runner: Task<Void, any Error>) {
        let host = state.options.host.contains(":") ? "[\(state.options.host)]" : state.options.host
        self.baseURL = "\(state.options.tls == nil ? "http" : "https")://\(host):\(port)"
        self.port = port
        self.options = state.options
        self.state = state
        self.group = group
        self.runner = runner
    }

    public static func start(_ options: EmulatorOptions = .init()) async throws -> EmulatorServer {
        if let problem = options.problem { throw EmulatorError.invalidOption(problem) }
        let state = EmulatorState(options: options, catalogue: try SeedLoader.load(dataFile: options.dataFile),
                                  automation: try SeedLoader.loadAutomation(dataFile: options.dataFile))
        var logger = Logger(label: "nexthink-emulator")
        logger.logLevel = .warning
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: makeRouter(state), server: try options.tls?.serverBuilder() ?? .http1(),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "nexthink-emulator"),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? -1)
                continuation.finish()
            },
            logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let runner = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            await group.triggerGracefulShutdown()
            let reason: String
            do { try await runner.value; reason = "the server stopped before it was ready" } catch { reason = "\(error)" }
            throw EmulatorError.cannotListen("cannot listen on \(options.host):\(options.port): \(reason)")
        }
        return EmulatorServer(port: port, state: state, group: group, runner: runner)
    }

    /// Stops accepting connections, finishes in-flight requests and returns when the port is closed.
    public func shutdown() async {
        await group.triggerGracefulShutdown()
        _ = try? await runner.value
    }

    /// Expires every access token now, so the next API call gets 401 (tests of re-authentication).
    public func revokeTokens() {
        state.tokens.revokeAll()
    }

    /// Ages every access token by `duration`, so expiry is testable without waiting (tokens
    /// live in real time, independent of `timeScale` and `advanceTime`).
    public func advanceTokenTime(by duration: Duration) {
        state.tokens.advance(by: duration)
    }

    /// Moves emulated time forward (executions progress and expire) without waiting.
    public func advanceTime(by duration: Duration) {
        state.clock.advance(by: duration)
    }

    private static func makeRouter(_ state: EmulatorState) -> Router<EmulatorContext> {
        let router = Router(context: EmulatorContext.self)
        router.add(middleware: MethodNotAllowed())
        let pipeline = Pipeline(state: state)
        TokenRoutes(pipeline: pipeline).register(on: router)
        RemoteActionRoutes(pipeline: pipeline).register(on: router)
        NQLRoutes(pipeline: pipeline).register(on: router)
        NQLExportRoutes(pipeline: pipeline).register(on: router)
        WorkflowRoutes(pipeline: pipeline).register(on: router)
        CampaignRoutes(pipeline: pipeline).register(on: router)
        EnrichmentRoutes(pipeline: pipeline).register(on: router)
        DeletionRoutes(pipeline: pipeline).register(on: router)
        StatsRoutes(state: state).register(on: router)
        return router
    }
}

public enum EmulatorError: Error, CustomStringConvertible, Sendable {
    case invalidOption(String)
    case cannotListen(String)

    public var description: String {
        switch self {
        case .invalidOption(let m), .cannotListen(let m): m
        }
    }
}
