import ArgumentParser
import Dispatch
import NexthinkEmulator
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct NexthinkEmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nexthink-emulator",
        abstract: "A local fake of the Nexthink Infinity Remote Actions and NQL APIs, for tests and demos.",
        discussion: "Prints the base URL (API and token host) and the credentials, then serves until SIGINT or SIGTERM.")

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on; 0 picks a free one.") var port = 0
    @Option(name: .customLong("data"), help: "Data file replacing the bundled remote actions and fleet (see docs/emulator.md).")
    var dataFile: String?
    @Option(help: "OAuth2 client id accepted by the token endpoint.") var clientId = "sandbox-client"
    @Option(help: "OAuth2 client secret accepted by the token endpoint.") var clientSecret = "sandbox-secret"
    @Option(help: "Access token lifetime in (real) seconds.") var tokenLifetime: Double = 900
    @Option(help: "Emulated seconds per real second for execution lifecycles.") var timeScale: Double = 1
    @Option(help: "Serve HTTPS with this PEM certificate chain (needs --tls-key).") var tlsCert: String?
    @Option(help: "PEM private key of --tls-cert.") var tlsKey: String?
    /// `nxsh --sandbox` starts the emulator this way (see SandboxMode); not for people.
    @Flag(help: .hidden) var nxshSandbox = false

    func validate() throws {
        let maxLifetime = EmulatorOptions.maxTokenLifetimeSeconds
        guard (0...maxLifetime).contains(tokenLifetime) else {
            throw ValidationError("--token-lifetime must be between 0 and \(Int(maxLifetime)) seconds (one year)")
        }
        guard timeScale > 0, timeScale <= EmulatorOptions.maxTimeScale else {
            throw ValidationError("--time-scale must be a positive number of at most \(Int(EmulatorOptions.maxTimeScale))")
        }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("--tls-cert and --tls-key must be given together") }
    }

    func run() async throws {
        if nxshSandbox { throw ExitCode(await SandboxMode.run(clientID: clientId, clientSecret: clientSecret)) }
        var options = EmulatorOptions()
        options.host = host
        options.port = port
        options.dataFile = dataFile
        options.clientID = clientId
        options.clientSecret = clientSecret
        options.tokenLifetime = .milliseconds(Int64((tokenLifetime * 1000).rounded()))
        options.timeScale = timeScale
        if let tlsCert, let tlsKey { options.tls = EmulatorTLS(certificateFile: tlsCert, privateKeyFile: tlsKey) }
        let (signals, sources) = TerminationSignal.install(endOfInput: false)
        let server = try await EmulatorServer.start(options)
        // A secret chosen by the user is never echoed; the demo one is meant to be copied.
        let secret = clientSecret == EmulatorOptions().clientSecret ? clientSecret : "(as given by --client-secret)"
        writeOut("""
            Nexthink API emulator listening on \(server.baseURL)
              API base URL:  \(server.baseURL)
              Token URL:     \(server.baseURL)/oauth2/default/v1/token
              Client ID:     \(clientId)
              Client secret: \(secret)
            Stop with Ctrl-C.

            """)
        var iterator = signals.makeAsyncIterator()
        _ = await iterator.next()
        sources.forEach { $0.cancel() }
        await server.shutdown()
    }
}

/// Unbuffered, so a parent reading the pipe sees the URL at once.
func writeOut(_ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let n = bytes.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
        guard n > 0 else { return }
        bytes = bytes.dropFirst(n)
    }
}

enum TerminationSignal {
    /// Yields on each SIGINT or SIGTERM, and with `endOfInput` when stdin reaches its end (the
    /// parent holding the other end of the pipe is gone, however it ended). Installed before
    /// the server starts, so a signal that arrives during start-up is not lost.
    static func install(endOfInput: Bool) -> (signals: AsyncStream<Int32>, sources: [any DispatchSourceProtocol]) {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let (stream, continuation) = AsyncStream.makeStream(of: Int32.self)
        let queue = DispatchQueue(label: "nexthink-emulator.signals")
        var sources: [any DispatchSourceProtocol] = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
        if endOfInput {
            let source = DispatchSource.makeReadSource(fileDescriptor: 0, queue: queue)
            source.setEventHandler {
                var buffer = [UInt8](repeating: 0, count: 256)
                let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
                if n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN) { continuation.yield(0) }
            }
            source.resume()
            sources.append(source)
        }
        return (stream, sources)
    }
}
