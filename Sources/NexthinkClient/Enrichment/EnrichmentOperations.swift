#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

public enum EnrichmentLimits {
    /// The document's maximum of enrichments per request.
    public static let objectsPerRequest = 10_000
}

/// What one enrichment call did: every object was written, or these ones were not (207).
public struct EnrichmentResponse: Sendable, Hashable {
    public var failures: [EnrichmentFailure]
}

/// The outcome of one batch of a large enrichment.
public struct EnrichmentBatchResult: Sendable {
    public enum Outcome: Sendable {
        /// Written, except the objects listed (207; empty for 200).
        case written(failures: [EnrichmentFailure])
        /// The service rejected every object of the batch (400 with per-object errors).
        case rejected(failures: [EnrichmentFailure])
        case failed(NexthinkError)
        case notSent(reason: String)
    }

    /// 1-based batch number and the 1-based positions of its first and last object.
    public var index: Int
    public var positions: ClosedRange<Int>
    public var outcome: Outcome

    public var failures: [EnrichmentFailure] {
        switch outcome {
        case .written(let f), .rejected(let f): f
        case .failed, .notSent: []
        }
    }
}

extension NexthinkClient {
    /// One enrichment call (at most 10,000 objects). Enrichment is idempotent (setting a value
    /// twice is harmless), so a call without a usable answer is retried like a read.
    /// `origins` maps identifications back to where they came from for the failures.
    public func enrich(_ request: EnrichmentRequest, origins: [Identification: String] = [:]) async throws -> EnrichmentResponse {
        let problems = request.problems()
        if !problems.isEmpty { throw NexthinkError.validation(problems) }
        let body = try WireJSON.encode(request)
        var context = ErrorContext(subject: "enrichment of \(request.enrichments.count) objects")
        context.objectErrors = { bytes in
            let decoded = try? JSONDecoder().decode(EnrichmentErrorsBody.self, from: Data(bytes))
            return (decoded?.failures(origins: origins) ?? []).map { f in
                ValidationProblem(field: f.origin ?? "\(f.identification.name)=\(f.identification.value)",
                                  message: f.reasons.joined(separator: "; "))
            }
        }
        let response = try await call("POST", "/api/v1/enrichment/data/fields", .read, context, body: body)
        guard response.status == 207 else { return EnrichmentResponse(failures: []) }
        let decoded = try decode(EnrichmentErrorsBody.self, response, what: "partial enrichment answer")
        return EnrichmentResponse(failures: decoded.failures(origins: origins))
    }

    /// Sends `planned` in batches of `batchSize` one after the other. A batch the service
    /// refused as a whole for a reason that would repeat (credentials, permission, throttled
    /// past the retries) stops the rest, which are reported as not sent.
    public func enrich(_ planned: [PlannedEnrichment], domain: String,
                       batchSize: Int = EnrichmentLimits.objectsPerRequest) async -> [EnrichmentBatchResult] {
        var results: [EnrichmentBatchResult] = []
        var stop: String?
        let size = min(max(1, batchSize), EnrichmentLimits.objectsPerRequest)
        for (number, range) in BatchPlanner.slices(count: planned.count, size: size).enumerated() {
            var result = EnrichmentBatchResult(index: number + 1, positions: (range.lowerBound + 1)...range.upperBound,
                                               outcome: .notSent(reason: stop ?? ""))
            if stop == nil {
                let slice = planned[range]
                let origins = Dictionary(slice.map { ($0.enrichment.identification[0], $0.origin) }, uniquingKeysWith: { a, _ in a })
                let request = EnrichmentRequest(domain: domain, enrichments: slice.map(\.enrichment))
                do {
                    result.outcome = .written(failures: try await enrich(request, origins: origins).failures)
                } catch let e as NexthinkError where e.status == 400 && !e.objectFailures(origins).isEmpty {
                    result.outcome = .rejected(failures: e.objectFailures(origins))
                } catch let e as NexthinkError {
                    result.outcome = .failed(e)
                    if [.auth, .forbidden, .throttled, .unreachable, .configuration].contains(e.kind) {
                        stop = "batch \(result.index) failed (\(e.kind.label)) and the others would too"
                    }
                } catch {
                    result.outcome = .notSent(reason: "interrupted (\(error))")
                    stop = "interrupted"
                }
            }
            results.append(result)
        }
        return results
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
