/// What `nxsh --sandbox` asks of the emulator it starts, read from the `NXSH_SANDBOX_*`
/// variables the child inherits: developer hooks for tests of slow or failing calls in a real
/// terminal (the fault API is in-process only, so the emulator process reads them itself).
public struct SandboxSetup: Sendable {
    public var options = EmulatorOptions()
    public var faults: [SandboxFault] = []

    /// Time scale and export rows out of range are ignored (the defaults stay); a bad fault is refused.
    public static func read(_ environment: [String: String]) throws(InvalidSandboxFault) -> SandboxSetup {
        var setup = SandboxSetup()
        setup.faults = try SandboxFault.parse(environment["NXSH_SANDBOX_FAULTS"] ?? "")
        if let scale = environment["NXSH_SANDBOX_TIME_SCALE"].flatMap(Double.init),
           scale > 0, scale <= EmulatorOptions.maxTimeScale {
            setup.options.timeScale = scale
        }
        if let rows = environment["NXSH_SANDBOX_EXPORT_ROWS"].flatMap(Int.init), rows > 0,
           rows <= setup.options.dataLimits.exportRows {
            setup.options.dataLimits.exportRows = rows
        }
        return setup
    }
}

/// One `NXSH_SANDBOX_FAULTS` entry. Syntax, comma-separated: `route:delay:5s`,
/// `route:status:503`, `route:drop`, each optionally `*N` for N calls,
/// e.g. `NXSH_SANDBOX_FAULTS="details:delay:5s,execute:status:429*2"`.
public struct SandboxFault: Sendable {
    public var route: EmulatorRoute
    public var fault: Fault
    public var times: Int

    public static func parse(_ text: String) throws(InvalidSandboxFault) -> [SandboxFault] {
        try text.split(separator: ",").map { (item) throws(InvalidSandboxFault) in try parseOne(String(item)) }
    }

    private static func parseOne(_ item: String) throws(InvalidSandboxFault) -> SandboxFault {
        let bad = InvalidSandboxFault(item: item)
        let countSplit = item.split(separator: "*", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let times = countSplit.count == 2 ? Int(countSplit[1]) : 1
        let parts = countSplit[0].split(separator: ":").map(String.init)
        guard parts.count >= 2, let route = EmulatorRoute(rawValue: parts[0]), let times,
              (1...InvalidSandboxFault.maxTimes).contains(times) else { throw bad }
        let fault: Fault
        switch (parts[1], parts.count > 2 ? parts[2] : nil) {
        case ("delay", let arg?):
            guard let seconds = Double(arg.hasSuffix("s") ? String(arg.dropLast()) : arg),
                  (0...InvalidSandboxFault.maxDelaySeconds).contains(seconds) else { throw bad }
            fault = .delay(.milliseconds(Int((seconds * 1000).rounded())))
        case ("status", let arg?):
            guard let code = Int(arg), (100...599).contains(code) else { throw bad }
            fault = .status(code, retryAfter: code == 429 ? "1" : nil)
        case ("drop", nil):
            fault = .dropConnection
        default:
            throw bad
        }
        return SandboxFault(route: route, fault: fault, times: times)
    }
}

/// A fault entry that does not parse; nxsh words the error (its message catalogue).
public struct InvalidSandboxFault: Error, Sendable {
    public let item: String

    /// Bounds that keep every number in range for the conversions above.
    public static let maxDelaySeconds: Double = 3600
    public static let maxTimes = 10_000
}
