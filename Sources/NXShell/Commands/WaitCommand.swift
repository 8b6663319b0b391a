import NXLanguage

/// `wait r [timeout D]`: polls `status` until every device is final or the timeout passes.
struct WaitCommand: DirectCommand {
    static let name = "wait"

    func perform(_ invocation: CommandInvocation, _ context: CommandContext) async throws -> Value {
        let status = FleetStatus(connection: context.connection, policy: context.policy)
        return try await FleetWait(status: status, console: context.console)
            .wait(for: invocation.operand ?? .null, timeoutSeconds: invocation.seconds("timeout"))
    }
}
