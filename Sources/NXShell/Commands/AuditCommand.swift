import NXLanguage

/// `audit [N]`: the last N entries of the audit log (default 20) as a table that fits 100
/// columns with the request ids whole; the file itself holds every field.
struct AuditCommand: DirectCommand {
    static let name = "audit"
    static let defaultLimit = 20

    func perform(_ invocation: CommandInvocation, _ context: CommandContext) async throws -> Value {
        try Self.recent(invocation.count, log: AuditLog(path: context.policy.fleet.auditLog), console: context.console)
    }

    static func recent(_ limit: Int?, log: AuditLog, console: Console) throws -> Value {
        let limit = limit ?? defaultLimit
        guard limit >= 0 else {
            throw HostError(ShellMessages.auditCount(limit), exitCode: ExitStatus.runtime)
        }
        let tail = try log.recent(limit)
        if tail.corruptLines > 0 {
            console.message(ShellMessages.auditCorrupt(tail.corruptLines, path: log.path))
        }
        let entries = tail.last
        let profiles = Set(entries.map(\.profile))
        return .list(entries.map { row($0, showProfile: profiles.count > 1) })
    }

    static func row(_ r: AuditEntry, showProfile: Bool = false) -> Value {
        var fields: [(String, Value)] = [
            ("time", .string(shortTime(r.time))),
            ("action", .nqlID(r.action)),
            ("batch", .string("\(r.batch)/\(r.batches)")),
            ("devices", .string(r.deviceRange)),
            ("result", .string(result(r))),
        ]
        if showProfile { fields.insert(("profile", r.profile.map { Value.string($0) } ?? .null), at: 1) }
        return .record(Record(fields))
    }

    /// The request id when accepted (or, for calls with one id per item, that it was), else what happened.
    static func result(_ r: AuditEntry) -> String {
        switch (r.event, r.requestId, r.error) {
        case (.intent, _, _): ShellMessages.auditSending
        case (.result, let id?, _): id
        case (.result, nil, nil): ShellMessages.auditAccepted(notActedOn: r.notActedOn ?? 0)
        case (.result, nil, let error): ShellMessages.auditFailed(error ?? "", outcomeUnknown: r.outcomeUnknown == true)
        }
    }

    /// `2026-05-04T10:11:12.345Z` → `2026-05-04 10:11` (UTC).
    static func shortTime(_ time: String) -> String {
        guard time.count >= 16 else { return time }
        return String(time.prefix(16)).replacing("T", with: " ")
    }
}
