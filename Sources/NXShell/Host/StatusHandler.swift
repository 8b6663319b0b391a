import NXLanguage
import NexthinkClient

/// `query` (and `status`, through FleetStatus): saved NQL queries, rows as records in the query's column order.
struct StatusHandler {
    let connection: Connection
    let policy: RunPolicy

    func query(_ id: String, parameters: [String: String]) async throws -> Value {
        let result = try await connection.client().executeNQL(queryID: id, parameters: parameters)
        return .list(Self.rows(result))
    }

    static func rows(_ result: NQLResult) -> [Value] {
        result.data.map { row in
            let extra = row.keys.filter { !result.headers.contains($0) }.sorted()
            return .record(Record((result.headers + extra).map { ($0, Records.json(row[$0] ?? .null)) }))
        }
    }
}
