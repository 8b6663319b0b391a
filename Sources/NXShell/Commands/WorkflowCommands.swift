import NXLanguage

/// `list workflows [api|manual|…|device|user|…|active]`: the workflows, filtered by the service.
struct ListWorkflowsCommand: DirectCommand {
    static let name = "list workflows"

    func perform(_ invocation: CommandInvocation, _ context: CommandContext) async throws -> Value {
        try await WorkflowReads.list(invocation, connection: context.connection)
    }
}

/// `get workflow #id`: one workflow's details.
struct GetWorkflowCommand: DirectCommand {
    static let name = "get workflow"

    func perform(_ invocation: CommandInvocation, _ context: CommandContext) async throws -> Value {
        try await WorkflowReads.details(invocation, connection: context.connection)
    }
}

/// `list campaigns`: the campaigns, read through the tenant's saved query `#campaigns`.
struct ListCampaignsCommand: DirectCommand {
    static let name = "list campaigns"

    func perform(_ invocation: CommandInvocation, _ context: CommandContext) async throws -> Value {
        try await WorkflowReads.campaigns(connection: context.connection)
    }
}
