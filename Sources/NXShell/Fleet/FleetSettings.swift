#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Fleet-scale `run` settings: flags and profile keys on top of `RunPolicy`.
struct FleetSettings: Sendable {
    /// Batches in flight at once (`--concurrency`, profile `concurrency`).
    var concurrency = 4
    /// Append-only JSON Lines log of every batch (`audit_log`; `Paths` has the default, under
    /// XDG_STATE_HOME, from the environment the session was given).
    var auditLog: String
    /// `triggerInfo.externalSource` (profile `external_source`).
    var externalSource = "nxsh"
    /// `triggerInfo.reason` when the statement has no `reason` clause (profile `reason`).
    var reason: String?
    /// Live progress lines on stderr; only when stderr is a terminal.
    var progress = false
    /// First pause between `wait` polls; it grows to `maxPollInterval`.
    var pollInterval: Duration = .seconds(2)
    var maxPollInterval: Duration = .seconds(15)

    mutating func apply(_ profile: Profile, environment: [String: String]) {
        if let n = profile.concurrency { concurrency = n }
        if let path = profile.auditLog { auditLog = Self.expand(path, environment: environment) }
        if let source = profile.externalSource { externalSource = source }
        if let reason = profile.reason { self.reason = reason }
    }

    /// `~/x` is relative to HOME, other relative paths to the current directory.
    static func expand(_ path: String, environment: [String: String]) -> String {
        if path.hasPrefix("~/"), let home = environment["HOME"] { return home + path.dropFirst() }
        if path.hasPrefix("/") { return path }
        return FileManager.default.currentDirectoryPath + "/" + path
    }
}

extension Paths {
    /// Next to the REPL history: `$XDG_STATE_HOME/nxsh/audit.jsonl`.
    var auditLogFile: String {
        historyFile.parentDirectory + "/audit.jsonl"
    }

    /// Sandbox runs get their own log, so rehearsals never mix with what reached a real fleet.
    var sandboxAuditLogFile: String {
        historyFile.parentDirectory + "/audit-sandbox.jsonl"
    }
}
