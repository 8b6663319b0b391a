import NXLanguage

/// `list [windows|macos]`: the remote actions, optionally for one platform.
struct ListCommand: DirectCommand {
    static let name = "list"

    func perform(_ invocation: CommandInvocation, _ context: CommandContext) async throws -> Value {
        let actions = try await context.catalogue.list(platform: invocation.operandText.flatMap(Platform.init))
        return .list(actions.map(APIValues.action))
    }
}
