import NXLanguage
import NexthinkClient

/// `enrich devices|users|binaries|packages with ROWS [domain "cmdb"]`: every row checked before
/// the first call (identifying column, field names, empty identifications, duplicate objects,
/// each named by its file line when the rows came from `read_csv`), then sent in batches of
/// the document's limit with the same consent, dry run, audit and progress as `run`.
struct EnrichCommand: StateChangeCommand {
    static let name = "enrich"
    static let kind = StateChangeGate.Kind(refusal: ShellMessages.enrichRefusal, command: "enrich", allowListKey: nil)

    func subject(_ invocation: CommandInvocation, _ context: CommandContext) throws -> StateChangeSubject {
        StateChangeSubject(id: "enrich " + EnrichmentChange.noun(try Self.checkedObject(invocation)), allowed: nil)
    }

    func plan(_ invocation: CommandInvocation, _ context: CommandContext, _ early: Void) async throws -> EnrichmentChange {
        let object = try Self.checkedObject(invocation)
        let domain = invocation.text("domain") ?? context.policy.fleet.externalSource
        guard !domain.isEmpty else {
            throw HostError(ShellMessages.emptyDomain, span: invocation.spans.clause("domain"), exitCode: ExitStatus.scriptError)
        }
        let items = invocation.list("with")
        let spans = invocation.spans.clauses["with"]
        let table = try EnrichmentRows.table(items, spans: spans)
        let planned: [PlannedEnrichment]
        switch EnrichmentPlanner.plan(object, columns: table.columns, columnsOrigin: table.columnsOrigin, rows: table.rows) {
        case .success(let rows): planned = rows
        case .failure(let error):
            throw HostError(ShellMessages.enrichProblems(error.problems.count), notes: error.problems.map(\.description),
                            span: spans?.value ?? invocation.spans.statement, exitCode: ExitStatus.scriptError)
        }
        guard !planned.isEmpty else {
            throw HostError(ShellMessages.noRows, notes: [ShellMessages.enrichExample],
                            span: spans?.value ?? invocation.spans.statement, exitCode: ExitStatus.scriptError)
        }
        return EnrichmentChange(object: object, domain: domain,
                                batches: BatchPlanner.batches(planned, size: EnrichmentLimits.objectsPerRequest),
                                objectCount: planned.count)
    }

    func rehearse(_ change: EnrichmentChange, concurrency: Int) -> (report: String, record: Value) {
        (EnrichmentDryRun(change: change, concurrency: concurrency).report, EnrichmentDryRun.record(change))
    }

    func prompt(_ change: EnrichmentChange) -> String {
        Self.prompt(change)
    }

    private static func checkedObject(_ invocation: CommandInvocation) throws -> EnrichmentObject {
        guard let object = object(invocation.operandText) else {
            throw HostError(ShellMessages.enrichNeedsObject, notes: [ShellMessages.enrichExample],
                            span: invocation.spans.statement, exitCode: ExitStatus.scriptError)
        }
        return object
    }

    static func object(_ word: String?) -> EnrichmentObject? {
        EnrichmentObject.allCases.first { EnrichmentChange.noun($0) == word }
    }

    static func prompt(_ change: EnrichmentChange) -> String {
        let fields = Set(change.batches.flatMap { $0.items.flatMap { $0.enrichment.fields.map(\.name) } })
        return ShellMessages.enrichPrompt(change.objectCount, noun: change.itemNoun, batches: change.batches.count,
                                         domain: change.domain, fields: fields.sorted())
    }
}

/// What `enrich` would send, on stderr, and a record describing it; nothing is sent or logged.
struct EnrichmentDryRun {
    let change: EnrichmentChange
    let concurrency: Int

    var report: String {
        var lines = [ShellMessages.enrichDryRun(change.objectCount, noun: change.itemNoun, batches: change.batches.count,
                                               domain: change.domain, concurrency: concurrency)]
        lines += DryRun.batchLines(change.batches, noun: change.itemNoun)
        if let first = change.batches.first {
            lines.append("  POST /api/v1/enrichment/data/fields, body of batch 1:")
            lines.append("  " + DryRun.body(first.items.map(\.enrichment)) {
                EnrichmentRequest(domain: change.domain, enrichments: $0)
            })
        }
        return lines.joined(separator: "\n")
    }

    static func record(_ change: EnrichmentChange) -> Value {
        .record(Record([
            ("dryRun", .bool(true)),
            ("domain", .string(change.domain)),
            ("objectCount", .int(change.objectCount)),
            ("batches", .int(change.batches.count)),
            ("objectRanges", .list(change.batches.map { .string($0.range) })),
        ]))
    }
}
