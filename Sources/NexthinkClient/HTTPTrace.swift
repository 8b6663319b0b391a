/// One HTTP attempt, for `--verbose`. Headers have credentials redacted; bodies are never
/// included.
public struct HTTPTraceEvent: Sendable {
    public var method: String
    public var url: String
    /// nil when no response came back.
    public var status: Int?
    public var duration: Duration
    /// 1 for the first try of a call, then 2, 3…
    public var attempt: Int
    public var requestHeaders: [(name: String, value: String)]
    public var responseHeaders: [(name: String, value: String)]
    /// Why the attempt failed without a response.
    public var failure: String?
}

enum Redaction {
    static let sensitive: Set<String> = ["authorization", "proxy-authorization", "cookie", "set-cookie"]

    static func headers(_ headers: [(name: String, value: String)]) -> [(name: String, value: String)] {
        headers.map { h in
            guard sensitive.contains(h.name.lowercased()) else { return h }
            // Keep "Bearer"/"Basic" (useful when debugging), never what follows it.
            let parts = h.value.split(separator: " ", maxSplits: 1)
            return (h.name, parts.count == 2 ? "\(parts[0]) <redacted>" : "<redacted>")
        }
    }
}
