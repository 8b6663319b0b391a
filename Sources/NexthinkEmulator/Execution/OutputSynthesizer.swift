/// Values a successful run reports: one per output the action declares for the device's OS,
/// picked from the seed's sample values, or derived from the output type when it has none.
enum OutputSynthesizer {
    static func outputs(for action: RemoteAction, device: Device, hash: UInt64, at time: Double,
                        samples: [String: [JSONValue]]) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for (i, output) in action.scriptInfo.outputs.enumerated()
        where device.os == .windows ? output.usedByWindows : output.usedByMacOs {
            let h = StableHash.of(String(hash), output.name, String(i))
            if let values = samples[output.name], !values.isEmpty {
                result[output.name] = values[Int(h % UInt64(values.count))]
            } else {
                result[output.name] = synthesized(type: output.type, hash: h, time: time)
            }
        }
        return result
    }

    private static func synthesized(type: String, hash h: UInt64, time: Double) -> JSONValue {
        switch type.lowercased() {
        case "bool", "boolean": .bool(h % 2 == 0)
        case "int", "integer", "uint32", "uint64", "int32", "int64", "size", "millisecond": .number(Double(h % 1000))
        case "float", "double", "ratio": .number(Double(h % 10000) / 100)
        case "datetime": .string(EmulatedClock.iso8601(time))
        case "stringlist": .string("")
        default: .string("OK")
        }
    }
}
