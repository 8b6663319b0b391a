import NXLanguage
import NexthinkClient

/// `query #id [with {...}]`: a saved NQL query, rows as records in the query's column order.
struct QueryCommand: DirectCommand {
    static let name = "query"

    func perform(_ invocation: CommandInvocation, _ context: CommandContext) async throws -> Value {
        let id = try NQLQueryID(invocation.operandText ?? "")
        let result = try await context.connection.client().executeNQL(queryID: id, parameters: invocation.strings("with"))
        return .list(APIValues.rows(result))
    }
}
