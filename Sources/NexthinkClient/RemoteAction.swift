/// A remote action as the list and details endpoints describe it.
public struct RemoteAction: Sendable, Hashable, Codable {
    public var id: String
    public var uuid: String
    public var name: String
    public var description: String
    public var origin: String
    public var builtInContentVersion: String
    public var purpose: [Purpose]
    public var targeting: Targeting
    public var scriptInfo: ScriptInfo

    public init(
        id: String, uuid: String = "", name: String = "", description: String = "",
        origin: String = "", builtInContentVersion: String = "", purpose: [Purpose] = [],
        targeting: Targeting = Targeting(), scriptInfo: ScriptInfo = ScriptInfo()
    ) {
        self.id = id
        self.uuid = uuid
        self.name = name
        self.description = description
        self.origin = origin
        self.builtInContentVersion = builtInContentVersion
        self.purpose = purpose
        self.targeting = targeting
        self.scriptInfo = scriptInfo
    }

    private enum CodingKeys: String, CodingKey {
        case id, uuid, name, description, origin, builtInContentVersion, purpose, targeting, scriptInfo
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // The id is what every other call needs; without it the record is useless.
        id = try c.decode(String.self, forKey: .id)
        uuid = c.lenient(.uuid, default: "")
        name = c.lenient(.name, default: "")
        description = c.lenient(.description, default: "")
        origin = c.lenient(.origin, default: "")
        builtInContentVersion = c.lenient(.builtInContentVersion, default: "")
        purpose = c.lenient(.purpose, default: [])
        targeting = c.lenient(.targeting, default: Targeting())
        scriptInfo = c.lenient(.scriptInfo, default: ScriptInfo())
    }
}

public struct Purpose: OpenEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let dataCollection = Purpose(rawValue: "DATA_COLLECTION")
    public static let remediation = Purpose(rawValue: "REMEDIATION")
}

public struct RunAs: OpenEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let localSystem = RunAs(rawValue: "LOCAL_SYSTEM")
    public static let interactiveUser = RunAs(rawValue: "INTERACTIVE_USER")
    public static let delegateToService = RunAs(rawValue: "DELEGATE_TO_SERVICE")
}

public struct Targeting: Sendable, Hashable, Codable {
    public var apiEnabled: Bool
    public var manualEnabled: Bool
    public var workflowEnabled: Bool
    public var manualAllowMultipleDevices: Bool

    public init(
        apiEnabled: Bool = false, manualEnabled: Bool = false,
        workflowEnabled: Bool = false, manualAllowMultipleDevices: Bool = false
    ) {
        self.apiEnabled = apiEnabled
        self.manualEnabled = manualEnabled
        self.workflowEnabled = workflowEnabled
        self.manualAllowMultipleDevices = manualAllowMultipleDevices
    }

    private enum CodingKeys: String, CodingKey {
        case apiEnabled, manualEnabled, workflowEnabled, manualAllowMultipleDevices
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        apiEnabled = c.lenient(.apiEnabled, default: false)
        manualEnabled = c.lenient(.manualEnabled, default: false)
        workflowEnabled = c.lenient(.workflowEnabled, default: false)
        manualAllowMultipleDevices = c.lenient(.manualAllowMultipleDevices, default: false)
    }
}
