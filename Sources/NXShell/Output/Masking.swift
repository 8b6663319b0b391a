import NXLanguage

/// Shown values never reveal a token: any record field named like a credential is cut to a
/// recognisable prefix. Only a deliberate `print token.access_token` prints the raw value.
enum Masking {
    static let sensitiveKeys: Set<String> = ["access_token", "accessToken", "client_secret", "clientSecret"]

    static func mask(_ value: Value) -> Value {
        switch value {
        case .list(let items):
            return .list(items.map(mask))
        case .record(let record):
            var copy = record
            for (key, field) in record.fields {
                if sensitiveKeys.contains(key), case .string(let text) = field {
                    copy[key] = .string(masked(text))
                } else {
                    copy[key] = mask(field)
                }
            }
            return .record(copy)
        default:
            return value
        }
    }

    /// `print token` (or `print json(token)`) writes the record as text; mask credential
    /// fields there too, in literal (`access_token: "…"`) and JSON (`"access_token":"…"`) form.
    /// A deliberate `print token.access_token` (or an interpolation of it) stays raw.
    static func maskLiteral(_ text: String) -> String {
        guard sensitiveKeys.contains(where: { text.includes($0) }) else { return text }
        return text.replacing(/(\"?)(access_token|accessToken|client_secret|clientSecret)(\"?)(: ?)"((?:[^"\\]|\\.)*)"/) { m in
            "\(m.output.1)\(m.output.2)\(m.output.3)\(m.output.4)\"\(masked(String(m.output.5)))\""
        }
    }

    static func masked(_ text: String) -> String {
        text.count <= 8 ? "(redacted)" : String(text.prefix(4)) + "…(redacted)"
    }
}
