import NexthinkClient

/// One `[profiles.NAME]` table of config.toml. Every key is optional; `Settings` decides what
/// is missing once environment variables have been applied.
struct Profile: Sendable, Equatable {
    var instance: String?
    var region: String?
    var clientID: String?
    var clientSecretCommand: String?
    var clientSecret: String?
    var apiURL: String?
    var tokenURL: String?
    var confirm: Bool?
    var readOnly: Bool?
    var allowedActions: [String]?
    /// `allow_device_deletion`: `--yes` (or `confirm = false`) may delete devices with
    /// nobody typing their number at a terminal.
    var allowDeviceDeletion: Bool?
    var allowedWorkflows: [String]?
    var allowedCampaigns: [String]?
    var auditLog: String?
    /// `status_query`, checked when the profile is loaded (see `queryIDKeys`).
    var statusQuery: NQLQueryID?
    var concurrency: Int?
    /// Seconds `client_secret_command` may take (default 30).
    var clientSecretTimeout: Int?
    var reason: String?
    var externalSource: String?
    /// PEM CA certificates trusted in addition to the system roots (TLS-inspecting networks).
    var caFile: String?

    static var stringKeys: [String: WritableKeyPath<Profile, String?>] {
        [
        "instance": \.instance, "region": \.region, "client_id": \.clientID,
        "client_secret_command": \.clientSecretCommand, "client_secret": \.clientSecret,
        "api_url": \.apiURL, "token_url": \.tokenURL, "audit_log": \.auditLog,
        "reason": \.reason, "external_source": \.externalSource,
        "ca_file": \.caFile,
        ]
    }
    static var boolKeys: [String: WritableKeyPath<Profile, Bool?>] {
        ["confirm": \.confirm, "read_only": \.readOnly, "allow_device_deletion": \.allowDeviceDeletion]
    }
    /// Positive integers.
    static var intKeys: [String: WritableKeyPath<Profile, Int?>] {
        ["concurrency": \.concurrency, "client_secret_timeout": \.clientSecretTimeout]
    }
    /// Allow-lists of NQL ids, one per kind of state change.
    static var idListKeys: [String: WritableKeyPath<Profile, [String]?>] {
        ["allowed_actions": \.allowedActions, "allowed_workflows": \.allowedWorkflows,
         "allowed_campaigns": \.allowedCampaigns]
    }
    /// Saved NQL query ids, checked when the profile is loaded by the same `NQLQueryID`
    /// constructor as the operands of `query` and `export`: a value without `#` gets one, and a malformed one is a configuration
    /// error naming the file and the key before anything is sent, not a failure at the first
    /// `status` of a run that has already changed something.
    static var queryIDKeys: [String: WritableKeyPath<Profile, NQLQueryID?>] {
        ["status_query": \.statusQuery]
    }
    static let allKeys = (Array(stringKeys.keys) + Array(boolKeys.keys) + Array(intKeys.keys) + Array(idListKeys.keys)
                          + Array(queryIDKeys.keys)).sorted()
}
