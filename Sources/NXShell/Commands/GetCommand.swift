import NXLanguage
import NexthinkClient

/// `get #id`: one remote action's details.
struct GetCommand: DirectCommand {
    static let name = "get"

    func perform(_ invocation: CommandInvocation, _ context: CommandContext) async throws -> Value {
        APIValues.action(try await context.catalogue.details(NQLID(invocation.operandText ?? "", .remoteAction)))
    }
}
