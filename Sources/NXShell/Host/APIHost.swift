import NXLanguage
import NexthinkClient

/// The language's bindings to the Nexthink API: every command goes through the client, every
/// shown value through the renderer (masked), every failure becomes a `HostError`.
final class APIHost: LanguageHost {
    let connection: Connection
    let console: Console
    let renderer: Renderer
    let policy: RunPolicy
    let confirmer: any Confirmer
    let catalogue: ActionCatalogue
    let functions: HostFunctions
    let fleet = FleetState()

    init(connection: Connection, console: Console, renderer: Renderer, policy: RunPolicy,
         confirmer: any Confirmer, functions: HostFunctions) {
        self.connection = connection
        self.console = console
        self.renderer = renderer
        self.policy = policy
        self.confirmer = confirmer
        self.functions = functions
        self.catalogue = ActionCatalogue(connection: connection)
    }

    func printLine(_ text: String) {
        console.line(renderer.renderPrinted(Masking.maskLiteral(text)))
    }

    func show(_ value: Value) {
        console.line(renderer.render(Masking.mask(value)))
    }

    func perform(_ command: CommandInvocation) async throws -> Value {
        do {
            return try await dispatch(command)
        } catch {
            throw ErrorMapping.hostError(error)
        }
    }

    func function(named name: String) -> HostFunction? {
        functions.function(named: name)
    }

    var functionNames: [String] { HostFunctions.names }

    /// One case per command of `CommandTable`; the language has already checked each part's type.
    private func dispatch(_ command: CommandInvocation) async throws -> Value {
        let id = ActionID.normalize(command.operandText ?? "")
        switch command.name {
        case "token":
            return Records.token(try await connection.client().token())
        case "list":
            let actions = try await catalogue.list(platform: command.operandText.flatMap(Platform.init))
            return .list(actions.map(Records.action))
        case "list workflows":
            return try await WorkflowReads.list(command, connection: connection)
        case "get workflow":
            return try await WorkflowReads.details(command, connection: connection)
        case "list campaigns":
            return try await WorkflowReads.campaigns(connection: connection)
        case "get":
            return Records.action(try await catalogue.details(id))
        case "run":
            return try await RunHandler(host: self).run(command)
        case "status":
            return try await FleetStatus(connection: connection, policy: policy).status(of: command.operand ?? .null)
        case "query":
            return try await StatusHandler(connection: connection, policy: policy).query(id, parameters: command.strings("with"))
        case "wait":
            return try await FleetWait(status: FleetStatus(connection: connection, policy: policy), console: console)
                .wait(for: command.operand ?? .null, timeoutSeconds: command.seconds("timeout"))
        case "export":
            let plan = try ExportCommand.plan(command, baseDirectory: functions.baseDirectory)
            return try await ExportCommand(connection: connection, console: console, policy: policy,
                                           notePartial: { [fleet] in fleet.notePartialFailure() }).perform(plan)
        case "audit":
            return try AuditCommand.recent(command.count, log: AuditLog(path: policy.fleet.auditLog), console: console)
        default:
            throw HostError("nxsh cannot run '\(command.name)' yet")
        }
    }
}

enum ActionID {
    /// Commands receive ids with or without the leading '#'; the API wants it.
    static func normalize(_ id: String) -> String {
        id.hasPrefix("#") ? id : "#" + id
    }
}
