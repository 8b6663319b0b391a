import NXLanguage
import NexthinkClient

/// An enrichment, checked before sending: the rows as enrichments (full field names), in
/// batches of the document's limit. Idempotent, so a batch with an unknown outcome is sent
/// once more (`attempts` in the audit log).
struct EnrichmentChange: BatchedChange {
    var object: EnrichmentObject
    var domain: String
    var batches: [Batch<PlannedEnrichment>]
    var objectCount: Int

    /// `enrich devices`, as written.
    var subject: String { "enrich " + itemNoun }
    var auditKind: String? { "enrichment" }
    var itemNoun: String { EnrichmentChange.noun(object) }
    var unknownOutcomeAdvice: String { ShellMessages.enrichmentUnknownAdvice }

    static func noun(_ object: EnrichmentObject) -> String {
        object == .binary ? "binaries" : object.rawValue + "s"
    }

    func executor(_ client: NexthinkClient, concurrency: Int) -> BatchExecutor<PlannedEnrichment, EnrichmentResponse> {
        BatchExecutor(enrichmentDomain: domain, client: client, concurrency: concurrency)
    }

    /// The identifications stand in for the device list of a run (digested); the domain is
    /// what the request carries besides them.
    func describeIntent(_ batch: Batch<PlannedEnrichment>, in entry: inout AuditEntry) {
        entry.devicesSha256 = AuditEntry.digest(batch.items.map { $0.enrichment.identification[0].value })
        entry.params = ["domain": domain]
    }

    func describeResponse(_ response: EnrichmentResponse, in entry: inout AuditEntry) {
        if !response.failures.isEmpty { entry.error = ShellMessages.objectsNotWritten(response.failures.count) }
    }

    func value(_ results: [EnrichmentBatchResult]) -> Value {
        let answered = results.compactMap(\.response)
        let failures = answered.flatMap(\.failures)
        let written = results.filter { $0.response != nil }.map(\.batch.items.count).reduce(0, +) - failures.count
        return .record(Record([
            ("domain", .string(domain)),
            ("objectCount", .int(objectCount)),
            ("written", .int(written)),
            ("failed", .list(failures.map(Self.failure))),
            ("batches", .int(results.count)),
            ("failedBatches", .int(results.count - answered.count)),
            ("batchResults", .list(results.map { .record(Record(FleetValues.batchFields($0, noun: "object") + [("attempts", .int($0.attempts))])) })),
        ]))
    }

    func shortfall(_ results: [EnrichmentBatchResult]) -> [String] {
        results.compactMap(\.response).flatMap(\.failures).map(ShellMessages.objectNotWritten)
    }

    private static func failure(_ f: EnrichmentFailure) -> Value {
        .record(Record([
            ("origin", f.origin.map { Value.string($0) } ?? .null),
            ("identification", .string(f.identification.name)),
            ("value", .string(f.identification.value)),
            ("reasons", .list(f.reasons.map(Value.string))),
        ]))
    }
}

/// The rows of `enrich ... with ROWS` as the planner's table: the first row's first key names
/// the object, the columns are every key in first-seen order, and each row's origin is its
/// file line when it came from `read_csv` (else its position).
enum EnrichmentRows {
    struct Table {
        var columns: [String]
        var columnsOrigin: String
        var rows: [EnrichmentRow]
    }

    static func table(_ items: ValueList, spans: ClauseSpans?) throws -> Table {
        func place(_ i: Int) -> String { ShellMessages.rowPlace(i, items.place(at: i)) }
        var columns: [String] = [], known = Set<String>(), records: [Record] = []
        records.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            guard case .record(let record) = item else {
                throw HostError(ShellMessages.notARow(place(i), item.typeName), notes: [ShellMessages.enrichExample],
                                span: spans?.element(i), exitCode: ExitStatus.scriptError)
            }
            for key in record.keys where known.insert(key).inserted { columns.append(key) }
            records.append(record)
        }
        let rows = records.enumerated().map { i, record in
            EnrichmentRow(origin: place(i), cells: columns.map { column in record[column].flatMap(cell) })
        }
        // The header is line 1 of the file the first row came from.
        let header = items.place(at: 0).map { ShellMessages.filePlace($0.source, 1) } ?? ShellMessages.theRows
        return Table(columns: columns, columnsOrigin: header, rows: rows)
    }

    /// Text for the API; null (and an absent column) leave the field unchanged.
    private static func cell(_ value: Value) -> String? {
        value == .null ? nil : ValueFormatter.text(value)
    }
}
