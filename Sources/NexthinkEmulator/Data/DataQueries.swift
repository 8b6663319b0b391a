extension SavedQuery {
    static let dataQueries = [largeTable]

    /// A large synthetic table for exports: as many rows as the `rows` parameter asks (never
    /// more than one past the licensed maximum, so a huge request still shows as truncated
    /// without being generated). Every 7th value needs CSV quoting.
    static let largeTable = SavedQuery(
        id: "#large_table",
        nql: "device_performance.events during past 30d | list event.number, device.name, event.value | limit {{rows}}",
        parameters: ["rows"],
        headers: ["event.number", "device.name", "event.value"]
    ) { params, state, _ in
        let wanted = max(0, Int(params["rows"] ?? "") ?? 0)
        let count = min(wanted, state.options.dataLimits.exportRows + 1)
        let names = state.inventory.devices.map(\.name)
        return (0..<count).map { i in
            let name: JSONValue = names.isEmpty ? .null : .string(names[i % names.count])
            let value = i % 7 == 0 ? "sample \(i), \"quoted\"" : "sample \(i)"
            return [.number(Double(i + 1)), name, .string(value)]
        }
    }
}
