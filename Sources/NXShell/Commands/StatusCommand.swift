import NXLanguage

/// `status r`: the executions of a run (or of request ids), one row per device; for a campaign
/// run, the responses, one row per targeted user.
struct StatusCommand: ShellCommand {
    static let name = "status"

    func validate(_ invocation: CommandInvocation, _ context: CommandContext) async throws -> [FollowedRequest] {
        try FleetStatus.requests(in: invocation.operand ?? .null)
    }

    func perform(_ ids: [FollowedRequest], _ context: CommandContext) async throws -> Value {
        .list(try await FleetStatus(connection: context.connection, policy: context.policy).rows(for: ids))
    }
}
