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

    func perform(_ command: HostCommand) async throws -> Value {
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

    private func dispatch(_ command: HostCommand) async throws -> Value {
        switch command {
        case .token:
            return Records.token(try await connection.client().token())
        case .list(let platform):
            let actions = try await catalogue.list(platform: platform)
            return .list(actions.map(Records.action))
        case .get(let id):
            return Records.action(try await catalogue.details(ActionID.normalize(id)))
        case .run(let run):
            return try await RunHandler(host: self).run(run)
        case .status(let target):
            return try await FleetStatus(connection: connection, policy: policy).status(of: target)
        case .query(let id, let parameters):
            return try await StatusHandler(connection: connection, policy: policy)
                .query(ActionID.normalize(id), parameters: parameters)
        case .wait(let target, let timeout):
            return try await FleetWait(status: FleetStatus(connection: connection, policy: policy), console: console)
                .wait(for: target, timeoutSeconds: timeout)
        case .audit(let limit):
            return try AuditCommand.recent(limit, log: AuditLog(path: policy.fleet.auditLog), console: console)
        }
    }
}

enum ActionID {
    /// Commands receive ids with or without the leading '#'; the API wants it.
    static func normalize(_ id: String) -> String {
        id.hasPrefix("#") ? id : "#" + id
    }
}
