/// The saved NQL queries of the emulated tenant (the NQL API runs only saved queries).
struct SavedQuery: Sendable {
    let id: String
    let nql: String
    let parameters: [String]
    let headers: [String]
    private(set) var source: @Sendable (_ params: [String: String], _ state: EmulatorState, _ now: Double) -> RowSource

    /// A query whose rows are computed in full when it runs.
    init(id: String, nql: String, parameters: [String], headers: [String],
         rows: @escaping @Sendable (_ params: [String: String], _ state: EmulatorState, _ now: Double) -> [[JSONValue]]) {
        (self.id, self.nql, self.parameters, self.headers) = (id, nql, parameters, headers)
        source = { RowSource(rows($0, $1, $2)) }
    }

    /// A query whose rows are produced one by one as they are written (see RowSource).
    static func generated(
        id: String, nql: String, parameters: [String], headers: [String],
        source: @escaping @Sendable (_ params: [String: String], _ state: EmulatorState, _ now: Double) -> RowSource
    ) -> SavedQuery {
        var query = SavedQuery(id: id, nql: nql, parameters: parameters, headers: headers) { _, _, _ in [] }
        query.source = source
        return query
    }

    /// The query text with `{{name}}` placeholders replaced, as `executedQuery` reports it.
    func executedQuery(_ params: [String: String]) -> String {
        parameters.reduce(nql) { text, name in text.replacing("{{\(name)}}", with: params[name] ?? "") }
    }

    static let all: [String: SavedQuery] = Dictionary(
        uniqueKeysWithValues: ([executionsByRequest, devicesByOS, devices] + automation + dataQueries)
            .map { ($0.id, $0) })

    static let executionsByRequest = SavedQuery(
        id: "#remote_action_executions_by_request",
        nql: #"remote_action.executions during past 7d | where request_id == "{{request_id}}" "#
            + "| list request_id, device.name, device.collector.uid, remote_action.name, status, status_details, time, outputs",
        parameters: ["request_id"],
        headers: ["request_id", "device.name", "device.collector.uid", "remote_action.name",
                  "status", "status_details", "time", "outputs"]
    ) { params, state, now in
        guard let id = params["request_id"], let record = state.executions.record(id) else { return [] }
        let actionName: JSONValue = state.catalogue.action(id: record.actionID).map { .string($0.name) } ?? .null
        return record.devices.map { uid in
            let e = DeviceExecution.at(now, record: record, uid: uid, catalogue: state.catalogue)
            let name: JSONValue = state.catalogue.device(uid: uid).map { .string($0.name) } ?? .null
            return [.string(record.requestID), name, .string(uid), actionName, .string(e.status.rawValue),
                    .string(e.details), .string(EmulatedClock.iso8601(e.since)), .object(e.outputs)]
        }
    }

    static let devicesByOS = SavedQuery(
        id: "#devices_by_os",
        nql: #"devices | where operating_system.platform == "{{os}}" "#
            + "| list device.name, device.collector.uid, device.operating_system.platform, device.operating_system.name, device.last_seen",
        parameters: ["os"],
        headers: deviceHeaders
    ) { params, state, now in
        let wanted = (params["os"] ?? "").lowercased()
        return state.inventory.devices
            .filter { $0.os.rawValue == wanted || $0.os.platform.lowercased() == wanted }
            .map { deviceRow($0, now: now) }
    }

    static let devices = SavedQuery(
        id: "#devices",
        nql: "devices | list device.name, device.collector.uid, device.operating_system.platform, "
            + "device.operating_system.name, device.last_seen",
        parameters: [],
        headers: deviceHeaders
    ) { _, state, now in
        state.inventory.devices.map { deviceRow($0, now: now) }
    }

    static let deviceHeaders = ["device.name", "device.collector.uid", "device.operating_system.platform",
                                "device.operating_system.name", "device.last_seen"]

    /// Online devices were seen in the last 5 minutes; offline ones 1 to 10 days ago.
    private static func deviceRow(_ d: Device, now: Double) -> [JSONValue] {
        let h = StableHash.of(d.uid.lowercased())
        let ago = d.online ? Double(h % 300) : Double(86_400 * (1 + h % 10))
        return [.string(d.name), .string(d.uid), .string(d.os.platform), .string(d.osName),
                .string(EmulatedClock.iso8601(now - ago))]
    }
}
