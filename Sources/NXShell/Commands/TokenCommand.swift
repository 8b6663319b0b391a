import NXLanguage

/// `token`: the current access token as a record (masked whenever shown).
struct TokenCommand: DirectCommand {
    static let name = "token"

    func perform(_ invocation: CommandInvocation, _ context: CommandContext) async throws -> Value {
        APIValues.token(try await context.connection.client().token())
    }
}
