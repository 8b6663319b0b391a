import NexthinkClient
import Synchronization

/// The API client, created on first use: scripts that never call the API run without any
/// connection settings, and a missing setting is reported where the first command needs it.
final class Connection: Sendable {
    typealias Factory = @Sendable () throws(ShellError) -> NexthinkClient

    /// Shown in the prompt and messages: the profile name, "sandbox", or nil.
    let label: String?
    private let factory: Factory
    private let state = Mutex<Result<NexthinkClient, ShellError>?>(nil)

    init(label: String?, factory: @escaping Factory) {
        self.label = label
        self.factory = factory
    }

    func client() throws(ShellError) -> NexthinkClient {
        let result = state.withLock { current in
            if let current { return current }
            let made: Result<NexthinkClient, ShellError>
            do throws(ShellError) { made = .success(try factory()) } catch { made = .failure(error) }
            current = made
            return made
        }
        return try result.get()
    }

    /// Releases connections; only if the client was ever created.
    func shutdown() async {
        let existing = state.withLock { try? $0?.get() }
        try? await existing?.shutdown()
    }
}
