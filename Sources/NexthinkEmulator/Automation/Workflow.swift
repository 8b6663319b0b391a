/// A workflow as the Workflows API serves it (spec schema `Workflow`). The published document
/// points `triggerMethods` and `versions` at `Workflow` itself (a bug); the emulator serves the
/// shapes Nexthink's clients read: `triggerMethods` flags and one entry per version.
struct Workflow: Codable, Sendable {
    var id: String
    var uuid: String
    var name: String
    var description: String
    var status: Status
    var lastUpdateTime: String
    var triggerMethods: TriggerMethods
    var versions: [Version]

    enum Status: String, Codable, Sendable { case active = "ACTIVE", inactive = "INACTIVE" }

    /// The list filter values (`WorkflowFilter.WorkflowDependency`).
    enum Dependency: String, Codable, Sendable, CaseIterable {
        case user = "USER", device = "DEVICE", userAndDevice = "USER_AND_DEVICE", none = "NONE"
    }

    /// The list filter values (`WorkflowFilter.TriggerMethod`).
    enum TriggerMethod: String, Sendable, CaseIterable {
        case api = "API", manual = "MANUAL", manualMultiple = "MANUAL_MULTIPLE", scheduler = "SCHEDULER"
    }

    struct TriggerMethods: Codable, Sendable {
        var apiEnabled: Bool
        var manualEnabled: Bool
        var manualMultipleEnabled: Bool
        var schedulerEnabled: Bool
    }

    /// `parameters` are the names the version declares; `params` of an execute may set them.
    struct Version: Codable, Sendable {
        var versionNumber: Int
        var isActive: Bool
        var dependency: Dependency
        var parameters: [String]
    }

    /// The version that runs: the active one, else the newest.
    var current: Version? { versions.first(where: \.isActive) ?? versions.max { $0.versionNumber < $1.versionNumber } }
    var dependency: Dependency { current?.dependency ?? .none }

    func allows(_ method: TriggerMethod) -> Bool {
        switch method {
        case .api: triggerMethods.apiEnabled
        case .manual: triggerMethods.manualEnabled
        case .manualMultiple: triggerMethods.manualMultipleEnabled
        case .scheduler: triggerMethods.schedulerEnabled
        }
    }
}

/// A workflow in the data file: the API shape plus `waitsForEvent` (a "wait for event" thinklet
/// that only the thinklet trigger call releases), which the API never serves.
struct SeedWorkflow: Decodable, Sendable {
    var workflow: Workflow
    var waitsForEvent: Bool

    enum CodingKeys: String, CodingKey { case waitsForEvent }

    init(from decoder: any Decoder) throws {
        workflow = try Workflow(from: decoder)
        waitsForEvent = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(Bool.self, forKey: .waitsForEvent) ?? false
    }
}

/// A campaign. The public API has no campaign list; the tenant's saved NQL query `#campaigns`
/// (over `campaign.campaigns`) is how clients see these fields.
struct Campaign: Codable, Sendable {
    var id: String
    var uuid: String
    var name: String
    /// `PUBLISHED` campaigns can be sent; `DRAFT` and `RETIRED` ones cannot.
    var status: String
    /// `API` campaigns can be triggered through the API; `MANUAL` and `SCHEDULED` ones cannot.
    var triggerMethod: String
    /// Parameter ids; a trigger must set exactly these.
    var parameters: [String]
}

/// A user of the emulated tenant, tied to the device they use.
struct User: Codable, Sendable {
    var sid: String
    var upn: String
    var uid: String
    var name: String
    /// Collector UUID of the user's device (may be outside the fleet).
    var device: String?
}
