import NXLanguage

/// `audit [N]`: the last N records of the audit log (default 20) as a table.
enum AuditCommand {
    static let defaultLimit = 20

    static func recent(_ limit: Int?, log: AuditLog) throws -> Value {
        let limit = limit ?? defaultLimit
        guard limit >= 0 else {
            throw HostError("audit takes a count of 0 or more, not \(limit)", exitCode: ExitStatus.runtime)
        }
        return .list(try log.recent(limit).map(row))
    }

    static func row(_ r: AuditRecord) -> Value {
        let outcome: String
        switch (r.event, r.requestId, r.error) {
        case (.intent, _, _): outcome = "sending"
        case (.result, let id?, _): outcome = "accepted \(id)"
        case (.result, nil, let error): outcome = (r.outcomeUnknown == true ? "OUTCOME UNKNOWN: " : "failed: ") + (error ?? "")
        }
        return .record(Record([
            ("time", .string(r.time)),
            ("profile", r.profile.map { Value.string($0) } ?? .null),
            ("action", .nqlID(r.action)),
            ("batch", .string("\(r.batch)/\(r.batches)")),
            ("devices", .string(r.deviceRange)),
            ("event", .string(r.event.rawValue)),
            ("outcome", .string(outcome)),
            ("requestId", r.requestId.map { Value.string($0) } ?? .null),
            ("run", .string(r.run)),
        ]))
    }
}
