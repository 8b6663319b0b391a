import NXLanguage
import NexthinkClient
import Synchronization

/// Remote actions seen so far: feeds tab completion (ids, input names) and "did you mean"
/// suggestions. Completion reads only the cache; it never waits for the network.
final class ActionCatalogue: Sendable {
    private let connection: Connection
    private let cache = Mutex<[String: RemoteAction]>([:])

    init(connection: Connection) {
        self.connection = connection
    }

    var cachedIDs: [String] {
        cache.withLock { $0.keys.sorted() }
    }

    func cachedInputs(of id: String) -> [String] {
        cache.withLock { $0[ActionID.normalize(id)]?.scriptInfo.inputs.map(\.name) ?? [] }
    }

    /// Actions from the on-disk cache (`nxsh check`'s), so Tab completes ids before the live
    /// list arrives, or when it cannot be fetched; a live list already seen is kept.
    func seed(_ actions: [RemoteAction]) {
        cache.withLock { cache in
            guard cache.isEmpty else { return }
            for action in actions { cache[action.id] = action }
        }
    }

    func list(platform: Platform?) async throws -> [RemoteAction] {
        let client = try connection.client()
        let actions = try await client.listRemoteActions(filter: Self.filter(platform))
        remember(actions, replacing: platform == nil)
        return actions
    }

    /// Fetches the full list once more (REPL `.refresh`).
    func refresh() async throws {
        _ = try await list(platform: nil)
    }

    func details(_ id: String) async throws -> RemoteAction {
        let client = try connection.client()
        do {
            let action = try await client.remoteAction(id: id)
            remember([action], replacing: false)
            return action
        } catch let error as NexthinkError where error.kind == .notFound {
            throw await unknownAction(id)
        }
    }

    /// "unknown remote action" with the nearest existing ids.
    func unknownAction(_ id: String) async -> HostError {
        if cachedIDs.isEmpty { _ = try? await list(platform: nil) }
        return ShellMessages.unknownAction(id, near: Suggest.nearby(id, in: cachedIDs))
    }

    private func remember(_ actions: [RemoteAction], replacing: Bool) {
        cache.withLock { cache in
            if replacing { cache.removeAll() }
            for action in actions { cache[action.id] = action }
        }
    }

    static func filter(_ platform: Platform?) -> RemoteActionFilter {
        switch platform {
        case .windows: RemoteActionFilter(hasScriptWindows: true)
        case .macos: RemoteActionFilter(hasScriptMacOs: true)
        case nil: RemoteActionFilter()
        }
    }
}
