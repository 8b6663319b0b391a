import NXLanguage
import NexthinkClient
import Synchronization

/// Remote actions seen so far: feeds tab completion (ids, input names) and "did you mean"
/// suggestions. Completion reads only the cache; it never waits for the network. Workflows and
/// campaigns are kept beside them for completion only.
final class ActionCatalogue: Sendable {
    private let connection: Connection
    private let cache = Mutex<[String: RemoteAction]>([:])
    private let automation = Mutex<(workflows: [CatalogueItem]?, campaigns: [CatalogueItem]?)>((nil, nil))

    init(connection: Connection) {
        self.connection = connection
    }

    var cachedIDs: [String] {
        cache.withLock { $0.keys.sorted() }
    }

    /// Everything known now, in the disk cache's shape, so completion asks it what `check` and
    /// the language server ask.
    var snapshot: CatalogueCache.Entry {
        let actions = cache.withLock { Array($0.values) }
        let (workflows, campaigns) = automation.withLock { $0 }
        return CatalogueCache.Entry(actions: actions, workflows: workflows, campaigns: campaigns)
    }

    /// The on-disk cache (`nxsh check`'s), so Tab completes ids before the live lists arrive,
    /// or when they cannot be fetched; live lists already seen are kept.
    func seed(_ entry: CatalogueCache.Entry) {
        cache.withLock { cache in
            guard cache.isEmpty else { return }
            for action in entry.actions { cache[action.id] = action }
        }
        automation.withLock { lists in
            lists.workflows = lists.workflows ?? entry.workflows
            lists.campaigns = lists.campaigns ?? entry.campaigns
        }
    }

    func list(platform: Platform?) async throws -> [RemoteAction] {
        let client = try connection.client()
        let actions = try await client.listRemoteActions(filter: Self.filter(platform))
        remember(actions, replacing: platform == nil)
        return actions
    }

    /// Fetches every list once more (REPL `.refresh`); workflows and campaigns are kept as they
    /// were when the service will not list them.
    func refresh() async throws {
        let fresh = try await CatalogueCache.Entry.fetch(connection.client())
        remember(fresh.actions, replacing: true)
        automation.withLock { lists in
            lists.workflows = fresh.workflows ?? lists.workflows
            lists.campaigns = fresh.campaigns ?? lists.campaigns
        }
    }

    func details(_ id: NQLID) async throws -> RemoteAction {
        let client = try connection.client()
        do {
            let action = try await client.remoteAction(id: id)
            remember([action], replacing: false)
            return action
        } catch let error as NexthinkError where error.kind == .notFound {
            throw await unknownAction(id.text)
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
