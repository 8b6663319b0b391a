/// One entry of an enrichment request, checked against the document's names.
struct EnrichmentItem {
    var kind: String
    var idName: String
    var idValue: String
    var values: [String: JSONValue]

    struct Failure: Error {
        var identification: JSONValue
        var code: String
        var message: String
        /// The item breaks the document's schema: the whole request is refused (400), as a
        /// validating service does, rather than this object alone.
        var breaksSchema = false

        var json: JSONValue {
            .object(["identification": .array([identification]),
                     "errors": .array([.object(["code": .string(code), "message": .string(message)])])])
        }
    }

    static let identifications = ["device/device/name", "device/device/uid", "user/user/sid", "user/user/uid",
                                  "user/user/upn", "binary/binary/uid", "package/package/uid"]

    static let standardFields: Set<String> = Set(
        ["device/device/configuration_tag"]
            + ["desktop_broker", "desktop_pool", "disk_image", "environment_name", "hostname", "hypervisor_name",
               "instance_size", "last_update", "region", "type"].map { "device/device/virtualization/\($0)" }
            + ["city", "country_code", "department", "distinguished_name", "email_address", "full_name", "job_title",
               "last_update", "office", "organizational_unit", "username"].map { "user/user/ad/\($0)" })

    func failure(_ code: String, _ message: String) -> Failure {
        Failure(identification: .object(["name": .string(idName), "value": .string(idValue)]), code: code, message: message)
    }

    func schema(_ message: String) -> Failure {
        var f = failure("INVALID_REQUEST", message)
        f.breaksSchema = true
        return f
    }

    static func parse(_ item: JSONValue) -> Result<EnrichmentItem, Failure> {
        guard case .object(let o) = item, case .array(let ids)? = o["identification"], ids.count == 1,
              case .object(let id) = ids[0], let name = id["name"]?.stringValue, let value = id["value"]?.stringValue else {
            return .failure(Failure(identification: .object([:]), code: "INVALID_REQUEST",
                                    message: "identification must hold exactly one {name, value} of strings", breaksSchema: true))
        }
        var e = EnrichmentItem(kind: String(name.prefix { $0 != "/" }), idName: name, idValue: value, values: [:])
        guard identifications.contains(name) else {
            return .failure(e.schema("identification name '\(name.prefix(80))' is not one of \(identifications.joined(separator: ", "))"))
        }
        guard !value.isEmpty else {
            return .failure(e.failure("INVALID_IDENTIFICATION", "the \(name) that identifies the object is empty"))
        }
        guard case .array(let fields)? = o["fields"], !fields.isEmpty else {
            return .failure(e.schema("fields must be a non-empty array"))
        }
        for field in fields {
            guard case .object(let f) = field, let fieldName = f["name"]?.stringValue, let v = f["value"] else {
                return .failure(e.schema("each field needs a name (a string) and a value"))
            }
            guard isValue(v) else {
                return .failure(e.schema("the value of \(fieldName.prefix(80)) must be a string or an integer, not \(v.typeName)"))
            }
            guard isField(fieldName, kind: e.kind) else {
                return .failure(e.failure("INVALID_FIELD_NAME", "'\(fieldName.prefix(80))' is not a field that can be enriched on a \(e.kind)"))
            }
            e.values[fieldName] = v
        }
        return .success(e)
    }

    static func isField(_ name: String, kind: String) -> Bool {
        let prefix = "\(kind)/\(kind)/"
        guard name.hasPrefix(prefix) else { return false }
        let rest = name.dropFirst(prefix.count)
        let custom = rest.hasPrefix("organization/#") && kind == "user" ? rest.dropFirst(13) : rest
        if custom.first == "#", custom.count > 1, !custom.contains("/") { return true }
        return standardFields.contains(name)
    }

    static func isValue(_ v: JSONValue) -> Bool {
        switch v {
        case .string: true
        case .number(let n): n == n.rounded() && abs(n) < 1e15
        default: false
        }
    }
}
