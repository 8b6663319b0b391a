/// A remote action exactly as the Remote Actions API serves it (spec schema `RemoteAction`).
struct RemoteAction: Codable, Sendable {
    var id: String
    var uuid: String
    var name: String
    var description: String
    var origin: String
    var builtInContentVersion: String
    var purpose: [Purpose]
    var targeting: Targeting
    var scriptInfo: ScriptInfo

    enum Purpose: String, Codable, Sendable { case dataCollection = "DATA_COLLECTION", remediation = "REMEDIATION" }

    struct Targeting: Codable, Sendable {
        var apiEnabled: Bool
        var manualEnabled: Bool
        var workflowEnabled: Bool
        var manualAllowMultipleDevices: Bool
    }

    struct ScriptInfo: Codable, Sendable {
        var executionServiceDelegate: String
        var runAs: RunAs
        var timeoutSeconds: Int
        var hasScriptWindows: Bool
        var hasScriptMacOs: Bool
        var inputs: [Input]
        var outputs: [Output]
    }

    enum RunAs: String, Codable, Sendable {
        case localSystem = "LOCAL_SYSTEM", interactiveUser = "INTERACTIVE_USER", delegateToService = "DELEGATE_TO_SERVICE"
    }

    struct Input: Codable, Sendable {
        var id: String
        var name: String
        var description: String
        var usedByWindows: Bool
        var usedByMacOs: Bool
        var options: [String]
        var allowCustomValue: Bool
    }

    struct Output: Codable, Sendable {
        var id: String
        var name: String
        var type: String
        var description: String
        var usedByWindows: Bool
        var usedByMacOs: Bool
    }

    func supports(_ os: DeviceOS) -> Bool {
        switch os {
        case .windows: scriptInfo.hasScriptWindows
        case .macos: scriptInfo.hasScriptMacOs
        }
    }
}
