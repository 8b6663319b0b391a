import NXLanguage

/// Fixed data for `TestHost`, shaped like the Nexthink API's records.
enum FakeCatalogue {
    static let token = Value.record(Record([
        ("token_type", .string("Bearer")), ("scope", .string("service:integration")),
        ("expires_in", .duration(seconds: 900)), ("access_token", .string("eyJhbGciOi…(masked)")),
    ]))

    static func actions(for platform: Platform?) -> [Record] {
        all.filter { action in
            guard let platform, case .record(let info)? = action["scriptInfo"] else { return true }
            return info[platform == .windows ? "hasScriptWindows" : "hasScriptMacOs"] == .bool(true)
        }
    }

    static func action(_ id: String) throws -> Record {
        guard let action = all.first(where: { $0["id"] == .string(id) }) else {
            throw HostError("remote action '\(id)' not found", notes: ["list the available actions with: list"], exitCode: ExitStatus.unreachable)
        }
        return action
    }

    static func isUUID(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    private static let all: [Record] = [
        make("#get_battery_status", "Get battery status", windows: true, macOS: true, inputs: []),
        make("#set_service_start_type", "Set service start type", windows: true, macOS: false, inputs: ["StartType", "StatusChange"]),
        make("#ExampleRA", "Example remote action", windows: true, macOS: false, inputs: ["Message"]),
        make("#restart_teams", "Restart Microsoft Teams", windows: true, macOS: true, inputs: []),
        make("#clear_dns_cache", "Clear DNS cache", windows: false, macOS: true, inputs: []),
    ]

    private static func make(_ id: String, _ name: String, windows: Bool, macOS: Bool, inputs: [String]) -> Record {
        let inputRecords = inputs.map { Value.record(Record([("id", .string($0)), ("name", .string($0)), ("options", .list([]))])) }
        return Record([
            ("id", .string(id)), ("name", .string(name)), ("origin", .string("custom")),
            ("purpose", .list([.string("REMEDIATION")])),
            ("targeting", .record(Record([("apiEnabled", .bool(true)), ("manualEnabled", .bool(false))]))),
            ("scriptInfo", .record(Record([("hasScriptWindows", .bool(windows)), ("hasScriptMacOs", .bool(macOS)),
                                           ("timeoutSeconds", .int(120)), ("inputs", .list(inputRecords))]))),
        ])
    }

    /// Two devices per request; `final` (wait) turns pending rows into successes.
    static func executions(for target: Value, final: Bool) throws -> Value {
        let requestID: String
        switch target {
        case .string(let text), .uuid(let text): requestID = text
        case .record(let record):
            guard case .string(let text)? = record["requestId"] else {
                throw HostError("this record has no 'requestId'", notes: ["pass the result of 'run' or a request id"])
            }
            requestID = text
        default:
            throw HostError("cannot get the status of a \(target.typeName)", notes: ["pass the result of 'run' or a request id"])
        }
        let rows: [(String, String, String)] = [
            ("LAPTOP-01", "2bdb0941-2507-40de-854a-3efa1784b26b", "success"),
            ("LAPTOP-02", "d0debb1b-fc48-4eb1-81fa-8a799b21d108", final ? "success" : "waiting_for_device"),
        ]
        return .list(rows.map { name, uid, status in
            .record(Record([("request_id", .string(requestID)), ("device.name", .string(name)),
                            ("device.collector.uid", .string(uid)), ("status", .string(status)),
                            ("outputs", .record(Record([("BatteryLevel", status == "success" ? .int(87) : .null)])))]))
        })
    }

    static func query(_ id: String, _ parameters: [String: String]) throws -> Value {
        guard id == "#devices_by_name" else {
            throw HostError("saved query '\(id)' not found", notes: ["saved queries are managed in the Nexthink web interface"],
                            exitCode: ExitStatus.unreachable)
        }
        let name = parameters["name"] ?? "LAPTOP-01"
        return .list([.record(Record([("device.name", .string(name)), ("device.uid", .uuid("2bdb0941-2507-40de-854a-3efa1784b26b")),
                                      ("device.os", .string("Windows 11"))]))])
    }
}
