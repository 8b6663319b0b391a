#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SavedQuery {
    static let dataQueries = [largeTable]

    /// A large synthetic table for exports: as many rows as the `rows` parameter asks (never
    /// more than one past the licensed maximum, so a huge request still shows as truncated
    /// without being generated). Every 7th value needs CSV quoting. The optional `width`
    /// (an emulator choice, not in the query text) pads each value to that many characters,
    /// so an export of a given size in bytes can be asked for: 1,000,000 rows of width 1000
    /// make a results file of about 1 GB. Rows are generated as the file is written, from the
    /// device names captured when the query ran.
    static let largeTable = SavedQuery.generated(
        id: "#large_table",
        nql: "device_performance.events during past 30d | list event.number, device.name, event.value | limit {{rows}}",
        parameters: ["rows"],
        headers: ["event.number", "device.name", "event.value"]
    ) { params, state, _ in
        let wanted = max(0, Int(params["rows"] ?? "") ?? 0)
        let count = min(wanted, state.options.dataLimits.exportRows + 1)
        let width = min(max(0, Int(params["width"] ?? "") ?? 0), maxWidth)
        let names = state.inventory.devices.map(\.name)
        return RowSource(count: count) { i in
            let name: JSONValue = names.isEmpty ? .null : .string(names[i % names.count])
            let value = i % 7 == 0 ? "sample \(i), \"quoted\"" : "sample \(i)"
            return [.number(Double(i + 1)), name, .string(padded(value, to: width))]
        }
    }

    /// `value` followed by `x` up to `width` bytes, filled by memset: a gigabyte of padding
    /// costs what writing it costs.
    static func padded(_ value: String, to width: Int) -> String {
        let padding = width - value.utf8.count
        guard padding > 0 else { return value }
        return value + String(unsafeUninitializedCapacity: padding) { buffer in
            memset(buffer.baseAddress!, 0x78, padding)
            return padding
        }
    }

    /// Bounds `width` so one row stays a modest piece of memory.
    static let maxWidth = 1 << 20
}
