#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

public enum EnrichmentLimits {
    /// The document's maximum of enrichments per request.
    public static let objectsPerRequest = 10_000
}

/// What one enrichment call did: every object was written, or these ones were not (207), or
/// none was (400 with per-object errors: `rejected`).
public struct EnrichmentResponse: Sendable, Hashable {
    public var failures: [EnrichmentFailure]
    /// The service refused every object of the call (400 naming each one).
    public var rejected: Bool

    public init(failures: [EnrichmentFailure], rejected: Bool = false) {
        self.failures = failures
        self.rejected = rejected
    }
}

/// The outcome of one batch of a large enrichment.
public typealias EnrichmentBatchResult = BatchResult<PlannedEnrichment, EnrichmentResponse>

extension NexthinkClient {
    static let enrichmentPath = "/api/v1/enrichment/data/fields"
    /// Setting a value twice is harmless, so a call without a usable answer may simply be sent again.
    static let enrichmentOutcomeHint = "enrichment is idempotent: sending the same rows again is harmless"

    /// One enrichment call (at most 10,000 objects). Sent once, like an acting call: whether a
    /// call without a usable answer is sent again is the batch executor's decision
    /// (`resendsUnknownOutcome`), so it is made in one place and counted in `attempts`.
    /// `origins` maps identifications back to where they came from for the failures.
    public func enrich(_ request: EnrichmentRequest, origins: [Identification: String] = [:]) async throws -> EnrichmentResponse {
        let problems = request.problems()
        if !problems.isEmpty { throw NexthinkError.validation(problems) }
        let body = try WireJSON.encode(request)
        var context = ErrorContext(subject: "enrichment of \(request.enrichments.count) objects")
        context.outcomeHint = Self.enrichmentOutcomeHint
        context.objectErrors = { bytes in
            let decoded = try? JSONDecoder().decode(EnrichmentErrorsBody.self, from: Data(bytes))
            return (decoded?.failures(origins: origins) ?? []).map { f in
                ValidationProblem(field: f.origin ?? "\(f.identification.name)=\(f.identification.value)",
                                  message: f.reasons.joined(separator: "; "))
            }
        }
        let response = try await call("POST", Self.enrichmentPath, .acting, context, body: body)
        guard response.status == 207 else { return EnrichmentResponse(failures: []) }
        let decoded = try decode(EnrichmentErrorsBody.self, response, what: "partial enrichment answer")
        return EnrichmentResponse(failures: decoded.failures(origins: origins))
    }
}

extension BatchExecutor where Item == PlannedEnrichment, Response == EnrichmentResponse {
    /// Enrichment in batches (`BatchPlanner.batches(planned, size: EnrichmentLimits.objectsPerRequest)`).
    /// Idempotent, so a batch whose outcome is unknown is sent once more. A 400 naming every
    /// object is an answer about those objects, not a failure of the call: the batch counts
    /// as answered with every object refused, and the other batches still go out.
    public init(enrichmentDomain domain: String, client: NexthinkClient, concurrency: Int = 4) {
        self.init(concurrency: concurrency, path: NexthinkClient.enrichmentPath, resendsUnknownOutcome: true,
                  unknownOutcomeHint: NexthinkClient.enrichmentOutcomeHint) { batch in
            let origins = Dictionary(batch.items.map { ($0.enrichment.identification[0], $0.origin) },
                                     uniquingKeysWith: { first, _ in first })
            let request = EnrichmentRequest(domain: domain, enrichments: batch.items.map(\.enrichment))
            do {
                return try await client.enrich(request, origins: origins)
            } catch let e as NexthinkError where e.status == 400 && !e.objectFailures(origins).isEmpty {
                return EnrichmentResponse(failures: e.objectFailures(origins), rejected: true)
            }
        }
    }
}

extension NexthinkError {
    /// The per-object errors of a 400 enrichment answer, back as failures.
    func objectFailures(_ origins: [Identification: String]) -> [EnrichmentFailure] {
        let byOrigin = Dictionary(origins.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return problems.map { p in
            EnrichmentFailure(identification: byOrigin[p.field] ?? Identification(name: "", value: p.field),
                              origin: byOrigin[p.field] == nil ? nil : p.field, reasons: [p.message])
        }
    }
}

extension EnrichmentRequest {
    /// The document's rules: a domain, 1 to 10,000 objects, one identification each, at least one field.
    public func problems() -> [ValidationProblem] {
        var found: [ValidationProblem] = []
        if domain.isEmpty { found.append(.init(field: "domain", message: "is empty; name the source of the data, e.g. cmdb")) }
        if enrichments.isEmpty { found.append(.init(field: "enrichments", message: "no object to enrich")) }
        if enrichments.count > EnrichmentLimits.objectsPerRequest {
            found.append(.init(field: "enrichments", message:
                "\(enrichments.count) objects; one call takes at most \(EnrichmentLimits.objectsPerRequest), split the list"))
        }
        for (i, e) in enrichments.enumerated() where e.identification.count != 1 || e.fields.isEmpty {
            found.append(.init(field: "enrichments", index: i, message: "needs exactly one identification and at least one field"))
        }
        return EnrichmentPlanner.capped(found)
    }
}
