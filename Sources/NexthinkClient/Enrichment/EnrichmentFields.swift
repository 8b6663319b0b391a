/// The kinds of object the Enrichment API writes to, and how their columns are named.
public enum EnrichmentObject: String, Sendable, Hashable, CaseIterable {
    case device, user, binary, package

    /// `device/device/`: the prefix of every full field and identification name.
    public var prefix: String { "\(rawValue)/\(rawValue)/" }

    /// Short names of the columns that can identify an object, in the document's terms.
    public var identifiers: [String] {
        switch self {
        case .device: ["name", "uid"]
        case .user: ["sid", "upn", "uid"]
        case .binary, .package: ["uid"]
        }
    }

    /// Standard (non-custom) fields the document lists, as short names.
    var standardFields: Set<String> {
        switch self {
        case .device:
            Set(["configuration_tag"] + ["desktop_broker", "desktop_pool", "disk_image", "environment_name", "hostname",
                                         "hypervisor_name", "instance_size", "last_update", "region", "type"]
                .map { "virtualization/\($0)" })
        case .user:
            Set(["city", "country_code", "department", "distinguished_name", "email_address", "full_name", "job_title",
                 "last_update", "office", "organizational_unit", "username"].map { "ad/\($0)" })
        case .binary, .package: []
        }
    }
}

/// Short and full field names: `#team` → `device/device/#team`, `ad/department` →
/// `user/user/ad/department`; a full name is kept as given.
public enum EnrichmentFields {
    public static func expand(_ name: String, for object: EnrichmentObject) -> String {
        name.hasPrefix(object.prefix) ? name : object.prefix + name
    }

    /// Full identification name for a column (`name` → `device/device/name`), nil if the column
    /// cannot identify this kind of object.
    public static func identification(_ column: String, for object: EnrichmentObject) -> String? {
        let short = column.hasPrefix(object.prefix) ? String(column.dropFirst(object.prefix.count)) : column
        return object.identifiers.contains(short) ? object.prefix + short : nil
    }

    /// Why a full field name cannot be enriched on `object`; nil when it can.
    public static func problem(_ full: String, for object: EnrichmentObject) -> String? {
        guard full.hasPrefix(object.prefix) else {
            return "'\(full)' is not a field of \(object.rawValue)s (their fields start with \(object.prefix))"
        }
        let short = String(full.dropFirst(object.prefix.count))
        if isCustom(short) || (object == .user && short.hasPrefix("organization/") && isCustom(String(short.dropFirst(13)))) {
            return nil
        }
        if object.standardFields.contains(short) { return nil }
        let known = object.standardFields.sorted()
        let choices = known.isEmpty ? "only custom fields (#name)" : "custom fields (#name) or: " + known.joined(separator: ", ")
        return "'\(short)' is not a field the Enrichment API can set on \(object.rawValue)s; use \(choices)"
    }

    /// `#name`: letters, digits, `_`, `-` or `.` after the `#`.
    static func isCustom(_ short: String) -> Bool {
        guard short.first == "#", short.count > 1 else { return false }
        return short.dropFirst().allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ".") }
    }
}
