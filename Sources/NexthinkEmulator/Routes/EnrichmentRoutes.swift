import Hummingbird
import NIOCore

/// Enrichment API: `POST /api/v1/enrichment/data/fields`. Values are kept in the inventory,
/// so a later `#devices` query shows them.
struct EnrichmentRoutes: Sendable {
    let pipeline: Pipeline
    var state: EmulatorState { pipeline.state }

    func register(on router: Router<EmulatorContext>) {
        router.post("/api/v1/enrichment/data/fields") { request, context in
            try await pipeline.serve(.enrichment, .remoteActions, request, context) { _, body in
                enrich(body.readableBytesView)
            }
        }
    }

    private func enrich(_ body: some Collection<UInt8>) -> Response {
        let limit = state.options.dataLimits.enrichmentsPerRequest
        guard let json = try? JSONValue.parse(body), case .object(let fields) = json else {
            return Reply.actionError(.badRequest, "INVALID_REQUEST", #"the body must be a JSON object {"domain": ..., "enrichments": [...]}"#)
        }
        guard let domain = fields["domain"]?.stringValue, !domain.isEmpty else {
            return Reply.actionError(.badRequest, "INVALID_REQUEST", "domain is required and must be a non-empty string")
        }
        guard case .array(let items)? = fields["enrichments"], (1...limit).contains(items.count) else {
            return Reply.actionError(.badRequest, "INVALID_REQUEST", "enrichments must be an array of 1 to \(limit) objects")
        }
        let parsed = items.map(EnrichmentItem.parse)
        for (i, item) in parsed.enumerated() {
            if case .failure(let f) = item, f.breaksSchema {
                return Reply.actionError(.badRequest, "INVALID_REQUEST", "enrichments[\(i)]: \(f.message)")
            }
        }
        var failures: [JSONValue] = []
        for item in parsed {
            switch item {
            case .failure(let failure):
                failures.append(failure.json)
            case .success(let e):
                if let problem = apply(e) { failures.append(problem.json) }
            }
        }
        if failures.isEmpty { return Reply.json(["status": "success"]) }
        let all = failures.count == items.count
        return Reply.json(JSONValue.object(["status": .string(all ? "error" : "partial_success"), "errors": .array(failures)]),
                          status: all ? .badRequest : .init(code: 207))
    }

    /// Stores the values; devices must exist (and not be deleted). Other kinds have no seeded
    /// inventory, so any identification is accepted (docs/emulator.md).
    private func apply(_ e: EnrichmentItem) -> EnrichmentItem.Failure? {
        var key = e.idValue
        if e.kind == "device" {
            guard let uid = state.inventory.deviceKey(e.idName, e.idValue) else {
                return e.failure("OBJECT_NOT_FOUND", "no device with \(e.idName.split(separator: "/").last ?? "") '\(e.idValue.prefix(80))'")
            }
            key = uid
        }
        state.inventory.set(e.kind, key, e.values)
        return nil
    }
}
