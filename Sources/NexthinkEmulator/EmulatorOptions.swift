/// How an emulator instance behaves. Defaults match the real service where it has one
/// (15-minute tokens) and the sandbox's demo credentials otherwise.
public struct EmulatorOptions: Sendable {
    public var host = "127.0.0.1"
    /// 0 picks a free port; read it back from `EmulatorServer.port`.
    public var port = 0
    public var clientID = "sandbox-client"
    public var clientSecret = "sandbox-secret"
    /// Real (not emulated) time, so tests can use short lifetimes without scaling anything else.
    public var tokenLifetime: Duration = .seconds(900)
    /// Emulated seconds per real second for execution lifecycles (tests use e.g. 600).
    public var timeScale: Double = 1
    /// Replaces the bundled seed catalogue and fleet (format: docs/emulator.md).
    public var dataFile: String? = nil
    /// HTTPS with this certificate; nil serves plain HTTP.
    public var tls: EmulatorTLS? = nil
    /// Export, enrichment and deletion limits (licence maximum, daily exports, batch sizes).
    public var dataLimits = DataLimits()

    public init() {}

    /// Upper bounds that keep every derived number (token `exp`, emulated dates) in range.
    public static let maxTokenLifetimeSeconds: Double = 31_536_000
    public static let maxTimeScale: Double = 1_000_000

    /// Why these options cannot be served, nil when they can.
    public var problem: String? {
        let lifetime = Double(tokenLifetime.components.seconds)
        if !(0...Self.maxTokenLifetimeSeconds).contains(lifetime) {
            return "token lifetime must be between 0 and \(Int(Self.maxTokenLifetimeSeconds)) seconds (one year)"
        }
        if !(timeScale > 0 && timeScale <= Self.maxTimeScale) {
            return "time scale must be a positive number of at most \(Int(Self.maxTimeScale))"
        }
        if !(0...65_535).contains(port) { return "port must be between 0 and 65535, not \(port)" }
        return nil
    }
}

/// Printing or dumping options must never reveal the client secret.
extension EmulatorOptions: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "EmulatorOptions(host: \(host), port: \(port), clientID: \(clientID), clientSecret: <redacted>, "
            + "tokenLifetime: \(tokenLifetime), timeScale: \(timeScale), dataFile: \(dataFile ?? "bundled seed"), "
            + "tls: \(tls.map { $0.certificateFile } ?? "off"))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["host": host, "port": port, "clientID": clientID, "clientSecret": "<redacted>",
                                "tokenLifetime": tokenLifetime, "timeScale": timeScale, "dataFile": dataFile as Any,
                                "tls": tls as Any])
    }
}
