/// An NQL export: a saved query whose full results go to a file rather than the response.
public struct ExportRequest: Sendable, Hashable {
    public var queryID: NQLQueryID
    public var parameters: [String: String]
    public var compression: ExportCompression

    public init(queryID: NQLQueryID, parameters: [String: String] = [:], compression: ExportCompression = .none) {
        self.queryID = queryID
        self.parameters = parameters
        self.compression = compression
    }
}

/// The answer of the status call (`GET /api/v1/nql/status/{exportId}`).
public struct ExportStatus: Sendable, Hashable, Decodable {
    public enum State: Sendable, Hashable {
        case submitted, inProgress, completed, error
        /// A state this client does not know; polling goes on.
        case other(String)

        init(_ text: String) {
            switch text {
            case "SUBMITTED": self = .submitted
            case "IN_PROGRESS": self = .inProgress
            case "COMPLETED": self = .completed
            case "ERROR": self = .error
            default: self = .other(text)
            }
        }
    }

    public var state: State
    public var resultsFileUrl: String?
    public var errorDescription: String?
    /// 206: the results were cut at the licence's maximum number of rows.
    public var truncated = false
    /// A `Retry-After` on a status answer: the next poll waits at least this long.
    public var retryAfter: Duration?

    private enum CodingKeys: String, CodingKey { case status, resultsFileUrl, errorDescription }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        state = State(try c.decode(String.self, forKey: .status))
        resultsFileUrl = c.lenient(.resultsFileUrl)
        errorDescription = c.lenient(.errorDescription)
    }
}

/// The record an export produces.
public struct ExportResult: Sendable, Hashable {
    public var file: String
    public var rows: Int
    public var bytes: Int64
    /// The results were cut at the licensed maximum (status 206): the file is incomplete.
    public var truncated: Bool
    public var exportId: String
}

/// Limits of one export: status polling and the download.
public struct ExportOptions: Sendable, Hashable {
    /// First wait between status calls; it doubles up to `maxPollInterval`.
    public var pollInterval: Duration
    public var maxPollInterval: Duration
    /// How long the export may take before the client stops polling.
    public var timeout: Duration
    public var download: StreamLimits

    public init(pollInterval: Duration = .seconds(1), maxPollInterval: Duration = .seconds(15),
                timeout: Duration = .seconds(3600),
                download: StreamLimits = StreamLimits(maxBytes: 64 << 30, timeout: .seconds(3600))) {
        self.pollInterval = pollInterval
        self.maxPollInterval = maxPollInterval
        self.timeout = timeout
        self.download = download
    }
}
