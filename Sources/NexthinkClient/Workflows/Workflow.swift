/// A workflow as the list and details endpoints describe it. The published document points
/// `triggerMethods` and `versions` at `Workflow` itself (a bug), so both are read tolerantly:
/// `triggerMethods` as flags (`apiEnabled`...) or as a list of method names, `versions` as
/// objects whose known fields are taken and the rest ignored.
public struct Workflow: Sendable, Hashable, Decodable {
    public var id: String
    public var uuid: String
    public var name: String
    public var description: String
    public var status: WorkflowStatus
    public var lastUpdateTime: String
    public var triggerMethods: Set<WorkflowTriggerMethod>
    public var versions: [WorkflowVersion]

    public init(id: String, uuid: String = "", name: String = "", description: String = "", status: WorkflowStatus = .active,
                lastUpdateTime: String = "", triggerMethods: Set<WorkflowTriggerMethod> = [.api], versions: [WorkflowVersion] = []) {
        self.id = id
        self.uuid = uuid
        self.name = name
        self.description = description
        self.status = status
        self.lastUpdateTime = lastUpdateTime
        self.triggerMethods = triggerMethods
        self.versions = versions
    }

    private enum CodingKeys: String, CodingKey { case id, uuid, name, description, status, lastUpdateTime, triggerMethods, versions }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        uuid = c.lenient(.uuid, default: "")
        name = c.lenient(.name, default: "")
        description = c.lenient(.description, default: "")
        status = c.lenient(.status, default: WorkflowStatus(rawValue: ""))
        lastUpdateTime = c.lenient(.lastUpdateTime, default: "")
        triggerMethods = WorkflowTriggerMethod.set(from: c.lenient(.triggerMethods, default: JSONValue.null))
        let rawVersions: [JSONValue] = c.lenient(.versions, default: [])
        versions = rawVersions.map(WorkflowVersion.init)
    }

    /// The version that runs: the active one, else the newest.
    public var currentVersion: WorkflowVersion? {
        versions.first { $0.isActive == true } ?? versions.max { ($0.versionNumber ?? 0) < ($1.versionNumber ?? 0) }
    }

    /// Whom it targets, when the service says.
    public var dependency: WorkflowDependency? { currentVersion?.dependency }

    /// The parameters it declares, when the service says (nil: unknown, so not checked).
    public var declaredParameters: [String]? { currentVersion?.parameters }

    public var isAPIEnabled: Bool { triggerMethods.contains(.api) }
}

public struct WorkflowVersion: Sendable, Hashable {
    public var versionNumber: Int?
    public var isActive: Bool?
    public var dependency: WorkflowDependency?
    public var parameters: [String]?

    public init(versionNumber: Int? = nil, isActive: Bool? = nil, dependency: WorkflowDependency? = nil, parameters: [String]? = nil) {
        self.versionNumber = versionNumber
        self.isActive = isActive
        self.dependency = dependency
        self.parameters = parameters
    }

    init(_ json: JSONValue) {
        guard case .object(let o) = json else { return }
        if case .int(let n)? = o["versionNumber"] { versionNumber = Int(n) }
        if case .bool(let b)? = o["isActive"] { isActive = b }
        dependency = o["dependency"]?.stringValue.map(WorkflowDependency.init(rawValue:))
        if case .array(let names)? = o["parameters"] { parameters = names.compactMap(\.stringValue) }
    }
}

public struct WorkflowStatus: OpenEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let active = WorkflowStatus(rawValue: "ACTIVE")
    public static let inactive = WorkflowStatus(rawValue: "INACTIVE")
}

/// `WorkflowFilter.WorkflowDependency`.
public struct WorkflowDependency: OpenEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let user = WorkflowDependency(rawValue: "USER")
    public static let device = WorkflowDependency(rawValue: "DEVICE")
    public static let userAndDevice = WorkflowDependency(rawValue: "USER_AND_DEVICE")
    public static let none = WorkflowDependency(rawValue: "NONE")
    public static let known: [WorkflowDependency] = [.user, .device, .userAndDevice, .none]
}

/// `WorkflowFilter.TriggerMethod`.
public struct WorkflowTriggerMethod: OpenEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let api = WorkflowTriggerMethod(rawValue: "API")
    public static let manual = WorkflowTriggerMethod(rawValue: "MANUAL")
    public static let manualMultiple = WorkflowTriggerMethod(rawValue: "MANUAL_MULTIPLE")
    public static let scheduler = WorkflowTriggerMethod(rawValue: "SCHEDULER")
    public static let known: [WorkflowTriggerMethod] = [.api, .manual, .manualMultiple, .scheduler]

    private static let flags: [String: WorkflowTriggerMethod] = [
        "apiEnabled": .api, "manualEnabled": .manual, "manualMultipleEnabled": .manualMultiple, "schedulerEnabled": .scheduler]

    /// `{apiEnabled: true, ...}` or `["API", ...]`; anything else means none known.
    static func set(from json: JSONValue) -> Set<WorkflowTriggerMethod> {
        switch json {
        case .object(let o): Set(o.compactMap { key, value in value == .bool(true) ? flags[key] : nil })
        case .array(let names): Set(names.compactMap { $0.stringValue.map(WorkflowTriggerMethod.init(rawValue:)) })
        default: []
        }
    }
}

/// Server-side filters of the workflow list; nil means "don't filter".
public struct WorkflowFilter: Sendable, Hashable {
    public var dependency: WorkflowDependency?
    public var triggerMethod: WorkflowTriggerMethod?
    public var onlyActive: Bool?

    public init(dependency: WorkflowDependency? = nil, triggerMethod: WorkflowTriggerMethod? = nil, onlyActive: Bool? = nil) {
        self.dependency = dependency
        self.triggerMethod = triggerMethod
        self.onlyActive = onlyActive
    }
}
