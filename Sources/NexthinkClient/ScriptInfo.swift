public struct ScriptInfo: Sendable, Hashable, Codable {
    public var executionServiceDelegate: String
    public var runAs: RunAs?
    public var timeoutSeconds: Int?
    public var hasScriptWindows: Bool
    public var hasScriptMacOs: Bool
    public var inputs: [ScriptInput]
    public var outputs: [ScriptOutput]

    public init(
        executionServiceDelegate: String = "", runAs: RunAs? = nil, timeoutSeconds: Int? = nil,
        hasScriptWindows: Bool = false, hasScriptMacOs: Bool = false,
        inputs: [ScriptInput] = [], outputs: [ScriptOutput] = []
    ) {
        self.executionServiceDelegate = executionServiceDelegate
        self.runAs = runAs
        self.timeoutSeconds = timeoutSeconds
        self.hasScriptWindows = hasScriptWindows
        self.hasScriptMacOs = hasScriptMacOs
        self.inputs = inputs
        self.outputs = outputs
    }

    private enum CodingKeys: String, CodingKey {
        case executionServiceDelegate, runAs, timeoutSeconds, hasScriptWindows, hasScriptMacOs, inputs, outputs
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        executionServiceDelegate = c.lenient(.executionServiceDelegate, default: "")
        runAs = c.lenient(.runAs)
        timeoutSeconds = c.lenient(.timeoutSeconds)
        hasScriptWindows = c.lenient(.hasScriptWindows, default: false)
        hasScriptMacOs = c.lenient(.hasScriptMacOs, default: false)
        inputs = c.lenient(.inputs, default: [])
        outputs = c.lenient(.outputs, default: [])
    }
}

/// A script parameter. `params` of an execution are keyed by `name`.
public struct ScriptInput: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var description: String
    public var usedByWindows: Bool
    public var usedByMacOs: Bool
    /// Allowed values; empty means free text.
    public var options: [String]
    public var allowCustomValue: Bool

    public init(
        id: String = "", name: String, description: String = "", usedByWindows: Bool = true,
        usedByMacOs: Bool = false, options: [String] = [], allowCustomValue: Bool = true
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.usedByWindows = usedByWindows
        self.usedByMacOs = usedByMacOs
        self.options = options
        self.allowCustomValue = allowCustomValue
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, description, usedByWindows, usedByMacOs, options, allowCustomValue
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = c.lenient(.id, default: "")
        name = c.lenient(.name, default: "")
        description = c.lenient(.description, default: "")
        usedByWindows = c.lenient(.usedByWindows, default: false)
        usedByMacOs = c.lenient(.usedByMacOs, default: false)
        options = c.lenient(.options, default: [])
        // Missing means we cannot tell: assume custom values are allowed rather than
        // blocking a request the service would accept.
        allowCustomValue = c.lenient(.allowCustomValue, default: true)
    }
}

public struct ScriptOutput: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var type: String
    public var description: String
    public var usedByWindows: Bool
    public var usedByMacOs: Bool

    private enum CodingKeys: String, CodingKey {
        case id, name, type, description, usedByWindows, usedByMacOs
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = c.lenient(.id, default: "")
        name = c.lenient(.name, default: "")
        type = c.lenient(.type, default: "")
        description = c.lenient(.description, default: "")
        usedByWindows = c.lenient(.usedByWindows, default: false)
        usedByMacOs = c.lenient(.usedByMacOs, default: false)
    }
}
