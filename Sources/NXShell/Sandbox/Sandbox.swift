import NXLanguage
import NexthinkEmulator

/// `--sandbox`: an in-process emulator on 127.0.0.1 with its demo credentials.
enum Sandbox {
    static func start(environment: [String: String]) async throws -> EmulatorServer {
        let faults = try SandboxFaults.parse(environment["NXSH_SANDBOX_FAULTS"] ?? "")
        var options = EmulatorOptions()
        if let scale = environment["NXSH_SANDBOX_TIME_SCALE"].flatMap(Double.init),
           scale > 0, scale <= EmulatorOptions.maxTimeScale {
            options.timeScale = scale
        }
        if let rows = environment["NXSH_SANDBOX_EXPORT_ROWS"].flatMap(Int.init), rows > 0, rows <= options.dataLimits.exportRows {
            options.dataLimits.exportRows = rows
        }
        let server = try await EmulatorServer.start(options)
        for fault in faults { server.faults.inject(fault.route, fault.fault, times: fault.times) }
        return server
    }

    static func settings(for server: EmulatorServer) -> Settings {
        let options = EmulatorOptions()
        return Settings(profileName: "sandbox", apiURL: server.baseURL,
                        tokenURL: server.baseURL + "/oauth2/default/v1/token",
                        clientID: options.clientID, clientSecret: options.clientSecret, profile: Profile())
    }
}

/// Developer hook for tests of slow or failing calls in a real terminal (the emulator's fault
/// API is in-process only). Read only in sandbox mode. Syntax, comma-separated:
/// `route:delay:5s`, `route:status:503`, `route:drop`, each optionally `*N` for N calls,
/// e.g. `NXSH_SANDBOX_FAULTS="details:delay:5s,execute:status:429*2"`.
struct SandboxFaults: Sendable {
    var route: EmulatorRoute
    var fault: Fault
    var times: Int

    static func parse(_ text: String) throws(ShellError) -> [SandboxFaults] {
        try text.split(separator: ",").map { (item) throws(ShellError) in try parseOne(String(item)) }
    }

    private static func parseOne(_ item: String) throws(ShellError) -> SandboxFaults {
        let countSplit = item.split(separator: "*", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let times = countSplit.count == 2 ? Int(countSplit[1]) : 1
        let parts = countSplit[0].split(separator: ":").map(String.init)
        guard parts.count >= 2, let route = EmulatorRoute(rawValue: parts[0]), let times, (1...maxTimes).contains(times) else {
            throw bad(item)
        }
        let fault: Fault
        switch (parts[1], parts.count > 2 ? parts[2] : nil) {
        case ("delay", let arg?):
            guard let seconds = Double(arg.hasSuffix("s") ? String(arg.dropLast()) : arg),
                  (0...maxDelaySeconds).contains(seconds) else { throw bad(item) }
            fault = .delay(.milliseconds(Int((seconds * 1000).rounded())))
        case ("status", let arg?):
            guard let code = Int(arg), (100...599).contains(code) else { throw bad(item) }
            fault = .status(code, retryAfter: code == 429 ? "1" : nil)
        case ("drop", nil):
            fault = .dropConnection
        default:
            throw bad(item)
        }
        return SandboxFaults(route: route, fault: fault, times: times)
    }

    /// Bounds that keep every number in range for the conversions above.
    static let maxDelaySeconds: Double = 3600
    static let maxTimes = 10_000

    private static func bad(_ item: String) -> ShellError {
        ShellMessages.invalidFault(item, maxDelay: Int(maxDelaySeconds), maxTimes: maxTimes,
                                   routes: EmulatorRoute.allCases.map(\.rawValue))
    }
}
