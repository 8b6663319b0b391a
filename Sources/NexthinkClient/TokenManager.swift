#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Holds the bearer token: cached in memory (and optionally in a `TokenStore`), renewed
/// shortly before expiry, and fetched by at most one request at a time however many callers
/// need it concurrently.
actor TokenManager {
    typealias Fetch = @Sendable () async throws -> StoredToken

    private struct Cached {
        var token: StoredToken
        var refreshAt: Date
    }

    private let fetch: Fetch
    private let store: (any TokenStore)?
    private let storeKey: String
    private let margin: Duration
    private let now: @Sendable () -> Date
    private var cached: Cached?
    /// The last token the service refused: the store may still hold it (another process wrote
    /// it, or we did), and reloading it after a 401 would only get another 401.
    private var rejected: Secret?
    private var inFlight: (id: Int, task: Task<StoredToken, any Error>)?
    private var nextID = 0

    init(fetch: @escaping Fetch, store: (any TokenStore)?, storeKey: String, margin: Duration,
         now: @escaping @Sendable () -> Date) {
        self.fetch = fetch
        self.store = store
        self.storeKey = storeKey
        self.margin = margin
        self.now = now
    }

    /// A token good for at least the refresh margin.
    func valid() async throws -> StoredToken {
        if let cached, now() < cached.refreshAt { return cached.token }
        if cached == nil, let stored = store?.load(key: storeKey), stored.accessToken != rejected,
           stored.isPlausible(now: now()) {
            let entry = Cached(token: stored, refreshAt: stored.expiresAt.addingTimeInterval(-margin.seconds))
            cached = entry
            if now() < entry.refreshAt { return stored }
        }
        return try await refresh()
    }

    /// Forgets `rejected` (the service answered 401 to it) so the next `valid()` fetches anew.
    /// A token already replaced by another caller is left alone.
    func invalidate(_ rejected: Secret) {
        self.rejected = rejected
        if cached?.token.accessToken == rejected { cached = nil }
    }

    private func refresh() async throws -> StoredToken {
        if let inFlight { return try await inFlight.task.value }
        nextID += 1
        let id = nextID
        let task = Task { try await fetch() }
        inFlight = (id, task)
        defer { if inFlight?.id == id { inFlight = nil } }
        let token = try await task.value
        let issued = now()
        let lifetime = token.expiresAt.timeIntervalSince(issued)
        // Renew `margin` early, but never earlier than half-way through a short-lived token.
        let early = min(margin.seconds, max(lifetime, 0) / 2)
        cached = Cached(token: token, refreshAt: token.expiresAt.addingTimeInterval(-early))
        store?.save(token, key: storeKey)
        return token
    }
}

extension Duration {
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}
