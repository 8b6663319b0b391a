#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NexthinkEmulator
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `nexthink-emulator --nxsh-sandbox`: the emulator behind `nxsh --sandbox`, a child process so
/// the nxsh binary carries no server code. The parent reads one line from our stdout:
/// - `Nexthink API emulator listening on URL`: serving on 127.0.0.1 at a free port;
/// - `invalid fault<TAB>max delay<TAB>max times<TAB>routes<TAB>entry`: a bad `NXSH_SANDBOX_FAULTS`
///   entry (exit 64), for nxsh to word in its own message catalogue;
/// - anything else: why it could not start.
/// We stop on SIGINT, SIGTERM or the end of stdin, the parent's pipe: whichever way nxsh ends,
/// even killed, no emulator is left behind.
enum SandboxMode {
    /// nxsh passes the credentials it will use.
    static func run(clientID: String, clientSecret: String) async -> Int32 {
        var setup: SandboxSetup
        do {
            setup = try SandboxSetup.read(ProcessInfo.processInfo.environment)
        } catch {
            let routes = EmulatorRoute.allCases.map(\.rawValue).joined(separator: ",")
            writeOut("invalid fault\t\(Int(InvalidSandboxFault.maxDelaySeconds))\t\(InvalidSandboxFault.maxTimes)"
                     + "\t\(routes)\t\(error.item)\n")
            return 64
        }
        setup.options.clientID = clientID
        setup.options.clientSecret = clientSecret
        let (signals, sources) = TerminationSignal.install(endOfInput: true)
        let server: EmulatorServer
        do {
            server = try await EmulatorServer.start(setup.options)
        } catch {
            writeOut("\(error)\n")
            return 1
        }
        for item in setup.faults { server.faults.inject(item.route, item.fault, times: item.times) }
        writeOut("Nexthink API emulator listening on \(server.baseURL)\n")
        // The parent stops reading after that line; later output must not hit a closed pipe.
        let null = open("/dev/null", O_WRONLY)
        dup2(null, 1)
        dup2(null, 2)
        close(null)
        var iterator = signals.makeAsyncIterator()
        _ = await iterator.next()
        sources.forEach { $0.cancel() }
        await server.shutdown()
        return 0
    }
}
