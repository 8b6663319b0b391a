import NXLanguage
import NexthinkClient

/// The read-only workflow and campaign commands: `list workflows`, `get workflow`,
/// `list campaigns`.
enum WorkflowReads {
    static func list(_ invocation: CommandInvocation, connection: Connection) async throws -> Value {
        let filter = try filter(invocation.words, span: invocation.spans.operand)
        let workflows = try await connection.client().listWorkflows(filter: filter)
        return .list(workflows.map(WorkflowValues.summary))
    }

    static func details(_ invocation: CommandInvocation, connection: Connection) async throws -> Value {
        WorkflowValues.details(try await workflow(try NQLID(invocation.operandText ?? "", .workflow), invocation, connection: connection))
    }

    /// The workflow `id` (the command's operand); an unknown id is an error at the operand
    /// with the closest ids.
    static func workflow(_ id: NQLID, _ invocation: CommandInvocation, connection: Connection) async throws -> Workflow {
        let client = try connection.client()
        do {
            return try await client.workflow(id: id)
        } catch let error as NexthinkError where error.kind == .notFound {
            let near = Suggest.nearby(id.text, in: (try? await client.listWorkflows().map(\.id)) ?? [])
            let notes = (near.isEmpty ? [] : [ShellMessages.didYouMean(near)]) + [ShellMessages.listNote]
            throw HostError(ShellMessages.unknownWorkflow(id.text), notes: notes, span: invocation.spans.operand,
                            exitCode: ExitStatus.runtime)
        }
    }

    /// Without the saved query `#campaigns` the client's not-found error says how to add it.
    static func campaigns(connection: Connection) async throws -> Value {
        .list(try await connection.client().listCampaigns().map(WorkflowValues.campaign))
    }

    /// Filter words → the API's filter; two words of one kind cannot both be sent.
    static func filter(_ words: [String], span: SourceSpan?) throws -> WorkflowFilter {
        let methods = words.filter { WorkflowTriggerMethod.known.map(word).contains($0) }
        let dependencies = words.filter { WorkflowDependency.known.map(word).contains($0) }
        for (kind, found) in [(ShellMessages.triggerMethodFilter, methods), (ShellMessages.dependencyFilter, dependencies)] where Set(found).count > 1 {
            throw HostError(ShellMessages.conflictingFilters(kind, found), notes: [ShellMessages.filterNote],
                            span: span, exitCode: ExitStatus.runtime)
        }
        return WorkflowFilter(dependency: dependencies.first.map { WorkflowDependency(rawValue: $0.uppercased()) },
                              triggerMethod: methods.first.map { WorkflowTriggerMethod(rawValue: $0.uppercased()) },
                              onlyActive: words.contains("active") ? true : nil)
    }

    private static func word(_ value: some OpenEnum) -> String { value.rawValue.lowercased() }
}
