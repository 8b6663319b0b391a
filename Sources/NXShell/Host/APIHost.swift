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
    let outcome = SessionOutcome()

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

    private func dispatch(_ command: CommandInvocation) async throws -> Value {
        try await CommandRegistry.command(named: command.name).run(command, context(for: command))
    }

    private func context(for command: CommandInvocation) -> CommandContext {
        CommandContext(connection: connection, console: console, renderer: renderer, policy: policy,
                       confirmer: confirmer, catalogue: catalogue,
                       baseDirectory: functions.baseDirectory, outcome: outcome,
                       spans: command.spans, settings: command.settings)
    }
}
