import Synchronization

/// One user's copy of a triggered campaign (the service creates a request per user).
struct CampaignRequest: Sendable {
    let requestID: String
    let campaignID: String
    let userSID: String
    let createdAt: Double
    let expiresInMinutes: Int
}

final class CampaignRunStore: Sendable {
    private let requests = Mutex<[String: CampaignRequest]>([:])

    func add(_ new: [CampaignRequest]) {
        requests.withLock { r in for request in new { r[request.requestID] = request } }
    }

    func request(_ id: String) -> CampaignRequest? {
        requests.withLock { $0[id.lowercased()] }
    }
}

/// A user's response at an emulated instant. On a known online device: `targeted` for
/// 10–69 s, `displayed` for 30–299 s, then `fully_answered` (one user in five `declined`).
/// Otherwise `targeted` until the campaign expires. Anything still open at expiry is `expired`.
struct CampaignTimeline {
    var state: String
    var details: String
    /// When the current state began.
    var since: Double

    static func at(_ now: Double, _ request: CampaignRequest, automation: AutomationCatalogue, catalogue: Catalogue) -> CampaignTimeline {
        let expires = request.createdAt + Double(request.expiresInMinutes) * 60
        let h = StableHash.of(request.userSID, request.campaignID)
        let online = automation.user(sid: request.userSID)?.device.flatMap(catalogue.device(uid:))?.online ?? false
        let shown = request.createdAt + 10 + Double(h % 60)
        let answered = shown + 30 + Double((h >> 16) % 270)
        if online, answered < expires, now >= answered {
            return h % 5 == 0 ? .init(state: "declined", details: "The user declined to answer", since: answered)
                : .init(state: "fully_answered", details: "The user answered every question", since: answered)
        }
        if online, now >= shown, now < min(answered, expires) {
            return .init(state: "displayed", details: "Shown to the user", since: shown)
        }
        if now >= expires {
            return .init(state: "expired", details: "The user did not answer before the campaign expired", since: expires)
        }
        return .init(state: "targeted", details: "Waiting for the user's device to show the campaign", since: request.createdAt)
    }
}
