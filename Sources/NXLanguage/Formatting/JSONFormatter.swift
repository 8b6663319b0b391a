extension ValueFormatter {
    /// One compact JSON document. NQL ids and UUIDs become strings, durations their seconds,
    /// NaN and infinities `null` (JSON has no spelling for them); record key order is kept.
    public static func json(_ value: Value) -> String {
        var output = ""
        appendJSON(value, depth: 0, to: &output)
        return output
    }

    private static func appendJSON(_ value: Value, depth: Int, to output: inout String) {
        guard depth < maxNesting else {
            output += "null"
            return
        }
        switch value {
        case .null: output += "null"
        case .bool(let bool): output += bool ? "true" : "false"
        case .int(let int): output += String(int)
        case .double(let double): output += double.isFinite ? "\(double)" : "null"
        case .string(let string), .nqlID(let string), .uuid(let string): appendJSONString(string, to: &output)
        case .duration(let seconds): output += String(seconds)
        case .list(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                appendJSON(element, depth: depth + 1, to: &output)
            }
            output += "]"
        case .record(let record):
            output += "{"
            for (index, field) in record.fields.enumerated() {
                if index > 0 { output += "," }
                appendJSONString(field.key, to: &output)
                output += ":"
                appendJSON(field.value, depth: depth + 1, to: &output)
            }
            output += "}"
        }
    }

    private static func appendJSONString(_ string: String, to output: inout String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where TerminalText.isUnsafe(scalar):
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
