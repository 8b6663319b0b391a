import Dispatch
import NXLanguage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--sandbox`: a `nexthink-emulator --nxsh-sandbox` child on 127.0.0.1 with the demo
/// credentials. A separate process keeps the server (Hummingbird, the emulator and their
/// thousands of protocol conformances, which every first-use type lookup scans) out of nxsh.
/// The child reads the `NXSH_SANDBOX_*` hooks from the environment it inherits (docs/shell.md)
/// and ends when its stdin, a pipe only we hold, closes: even if nxsh is killed.
struct Sandbox: Sendable {
    let baseURL: String
    private let child: ChildProcess

    /// The emulator's demo credentials, which nxsh hands to it.
    static let clientID = "sandbox-client"
    static let clientSecret = "sandbox-secret"
    /// Start-up takes well under a second; this only catches a wedged child.
    static let startSeconds = 60.0

    static func start(environment: [String: String]) async throws(ShellError) -> Sandbox {
        let path = environment["NXSH_EMULATOR"] ?? ExecutablePath.sibling("nexthink-emulator")
        guard access(path, X_OK) == 0 else { throw ShellMessages.sandboxFailed(ShellMessages.emulatorMissing(path)) }
        let child: ChildProcess
        do throws(ChildProcess.SpawnFailure) {
            child = try ChildProcess.spawn(path, [path, "--nxsh-sandbox", "--client-id", clientID,
                                                  "--client-secret", clientSecret], inputPipe: true)
        } catch {
            throw ShellMessages.sandboxFailed(error.reason)
        }
        // Waiting for the first line blocks: a Dispatch thread does it, not the cooperative pool.
        let started = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: readiness(of: child)) }
        }
        return try started.get()
    }

    /// Kills the emulator (it holds nothing worth a graceful stop) and reaps it off the cooperative pool.
    func stop() async {
        child.closeInput()
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { child.kill(); continuation.resume() }
        }
    }

    var settings: Settings {
        Settings(profileName: "sandbox", apiURL: baseURL, tokenURL: baseURL + "/oauth2/default/v1/token",
                 clientID: Self.clientID, clientSecret: Self.clientSecret, profile: Profile())
    }

    /// The child's first line: its URL, a refused fault entry, or why it did not start.
    private static func readiness(of child: ChildProcess) -> Result<Sandbox, ShellError> {
        var output: [UInt8] = []
        let deadline = ChildProcess.now() + startSeconds
        while !output.contains(UInt8(ascii: "\n")), ChildProcess.now() < deadline {
            guard let chunk = child.readOutput(waitingMilliseconds: 100) else { break }
            output += chunk
        }
        child.closeOutput()
        let line = String(decoding: output.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let ready = "Nexthink API emulator listening on "
        if line.hasPrefix(ready) { return .success(Sandbox(baseURL: String(line.dropFirst(ready.count)), child: child)) }
        let ending = child.waitForExit(until: ChildProcess.now() + 5, cancelled: { false })
        child.closeInput()
        let fields = line.split(separator: "\t", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
        if fields.count == 5, fields[0] == "invalid fault", let maxDelay = Int(fields[1]), let maxTimes = Int(fields[2]) {
            return .failure(ShellMessages.invalidFault(fields[4], maxDelay: maxDelay, maxTimes: maxTimes,
                                                       routes: fields[3].split(separator: ",").map(String.init)))
        }
        return .failure(ShellMessages.sandboxFailed(line.isEmpty ? ShellMessages.emulatorEnded(ending) : line))
    }
}
