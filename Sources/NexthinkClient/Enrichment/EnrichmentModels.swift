/// Body of `POST /api/v1/enrichment/data/fields`.
public struct EnrichmentRequest: Sendable, Hashable, Codable {
    /// Free text for Nexthink's tracking (e.g. "cmdb-sync").
    public var domain: String
    public var enrichments: [Enrichment]

    public init(domain: String, enrichments: [Enrichment]) {
        self.domain = domain
        self.enrichments = enrichments
    }
}

/// One object and the field values to set on it.
public struct Enrichment: Sendable, Hashable, Codable {
    /// Exactly one entry, per the document.
    public var identification: [Identification]
    public var fields: [EnrichmentField]

    public init(identification: Identification, fields: [EnrichmentField]) {
        self.identification = [identification]
        self.fields = fields
    }
}

public struct Identification: Sendable, Hashable, Codable {
    /// Full name, e.g. `device/device/name`.
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

public struct EnrichmentField: Sendable, Hashable, Codable {
    /// Full name, e.g. `device/device/#team`.
    public var name: String
    public var value: EnrichmentValue

    public init(name: String, value: EnrichmentValue) {
        self.name = name
        self.value = value
    }
}

/// The document allows strings (dates included) and integers.
public enum EnrichmentValue: Sendable, Hashable, Codable {
    case string(String)
    case int(Int)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let i = try? c.decode(Int.self) { self = .int(i) } else { self = .string(try c.decode(String.self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .int(let i): try c.encode(i)
        }
    }
}

/// One object the service refused (207 or 400), with every reason it gave.
public struct EnrichmentFailure: Sendable, Hashable {
    public var identification: Identification
    /// Where the object came from (`teams.csv:14`), when the caller said.
    public var origin: String?
    /// `CODE: message` per error.
    public var reasons: [String]
}

/// Answer bodies of 207 (`partial_success`) and 400 (`error`): objects and their errors.
struct EnrichmentErrorsBody: Decodable {
    struct ObjectError: Decodable {
        var identification: [Identification]?
        var errors: [Reason]?
    }
    struct Reason: Decodable {
        var message: String?
        var code: String?
    }
    var status: String?
    var errors: [ObjectError]?

    func failures(origins: [Identification: String]) -> [EnrichmentFailure] {
        (errors ?? []).map { object in
            let id = object.identification?.first ?? Identification(name: "", value: "")
            let reasons = (object.errors ?? []).map { r in [r.code, r.message].compactMap { $0 }.joined(separator: ": ") }
            return EnrichmentFailure(identification: id, origin: origins[id], reasons: reasons.isEmpty ? ["no reason given"] : reasons)
        }
    }
}
