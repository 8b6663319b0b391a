import NexthinkEmulator

/// Runs `body` against a fresh emulator on a free port, shutting it down on every path
/// (a `defer { Task { … } }` would leave it running after the test).
public func withEmulatorServer<T>(_ options: EmulatorOptions = .init(),
                                  _ body: (EmulatorServer) async throws -> T) async throws -> T {
    let server = try await EmulatorServer.start(options)
    do {
        let result = try await body(server)
        await server.shutdown()
        return result
    } catch {
        await server.shutdown()
        throw error
    }
}
