import NexthinkClient
import Synchronization

/// The API client, created on first use: scripts that never call the API run without any
/// connection settings, and a missing setting is reported where the first command needs it.
/// Only a client is kept: a failure (an interrupted or slow `client_secret_command`, a setting
/// fixed meanwhile) is tried again by the next command instead of sticking for the session.
final class Connection: Sendable {
    typealias Factory = @Sendable () throws(ShellError) -> NexthinkClient

    /// Shown in the prompt and messages: the profile name, "sandbox", or nil.
    let label: String?
    private let factory: Factory
    private let state = Mutex<NexthinkClient?>(nil)

    init(label: String?, factory: @escaping Factory) {
        self.label = label
        self.factory = factory
    }

    func client() throws(ShellError) -> NexthinkClient {
        let result = state.withLock { current -> Result<NexthinkClient, ShellError> in
            if let current { return .success(current) }
            do throws(ShellError) {
                let made = try factory()
                current = made
                return .success(made)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Releases connections; only if the client was ever created.
    func shutdown() async {
        let existing = state.withLock { $0 }
        try? await existing?.shutdown()
    }
}
