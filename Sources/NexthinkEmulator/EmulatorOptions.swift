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
    /// Export, enrichment and deletion limits (licence maximum, daily exports, batch sizes).
    public var dataLimits = DataLimits()

    public init() {}
}

/// Printing or dumping options must never reveal the client secret.
extension EmulatorOptions: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "EmulatorOptions(host: \(host), port: \(port), clientID: \(clientID), clientSecret: <redacted>, "
            + "tokenLifetime: \(tokenLifetime), timeScale: \(timeScale), dataFile: \(dataFile ?? "bundled seed"))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["host": host, "port": port, "clientID": clientID, "clientSecret": "<redacted>",
                                "tokenLifetime": tokenLifetime, "timeScale": timeScale, "dataFile": dataFile as Any])
    }
}
