/// Result of `POST /api/v2/nql/execute`: one dictionary per row, keyed by field name
/// (`device.name`, `status`…).
public struct NQLResult: Sendable, Hashable, Codable {
    public var queryId: String
    public var executedQuery: String?
    /// Row count as the service reports it (may differ from `data.count` when truncated).
    public var rows: Int?
    public var executionDateTime: String?
    /// Column names: the service's when it sends them (v1 shape), else every field seen in
    /// the rows in the order the service sent them (`executeNQL` recovers it from the raw
    /// body; decoding alone can only sort them).
    public var headers: [String]
    public var data: [[String: JSONValue]]

    private enum CodingKeys: String, CodingKey { case queryId, executedQuery, rows, executionDateTime, headers, data }

    public init(queryId: String, executedQuery: String? = nil, rows: Int? = nil, executionDateTime: String? = nil,
                headers: [String] = [], data: [[String: JSONValue]] = []) {
        self.queryId = queryId
        self.executedQuery = executedQuery
        self.rows = rows
        self.executionDateTime = executionDateTime
        self.headers = headers
        self.data = data
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        queryId = c.lenient(.queryId, default: "")
        executedQuery = c.lenient(.executedQuery)
        rows = c.lenient(.rows)
        // v1 sends an object; v2 an ISO string. Keep the string, drop the rest.
        executionDateTime = c.lenient(.executionDateTime)
        let given: [String] = c.lenient(.headers, default: [])
        let raw: [JSONValue] = c.lenient(.data, default: [])
        data = raw.map { row in
            switch row {
            case .object(let o): return o
            // v1 rows are arrays aligned with `headers`.
            case .array(let cells): return Dictionary(zip(given, cells), uniquingKeysWith: { a, _ in a })
            default: return ["value": row]
            }
        }
        headers = given.isEmpty ? Set(data.flatMap(\.keys)).sorted() : given
    }
}
