@testable import NexthinkClient
import NexthinkEmulator
import Testing

@Suite("Enrichment: names, checks before sending, and the API")
struct EnrichmentTests {
    static func rows(_ csv: String) throws -> (columns: [String], rows: [EnrichmentRow]) {
        let records = try CSVReader.records(Array(csv.utf8), source: "teams.csv")
        return (records[0].fields, records.dropFirst().map { EnrichmentRow(origin: "teams.csv:\($0.line)", cells: $0.fields) })
    }

    static func plan(_ object: EnrichmentObject, _ csv: String) throws -> Result<[PlannedEnrichment], ValidationError> {
        let table = try rows(csv)
        return EnrichmentPlanner.plan(object, columns: table.columns, columnsOrigin: "teams.csv:1", rows: table.rows)
    }

    @Test func shortNamesExpandAndFullNamesStay() {
        #expect(EnrichmentFields.expand("#team", for: .device) == "device/device/#team")
        #expect(EnrichmentFields.expand("ad/department", for: .user) == "user/user/ad/department")
        #expect(EnrichmentFields.expand("organization/#cost_center", for: .user) == "user/user/organization/#cost_center")
        #expect(EnrichmentFields.expand("device/device/#team", for: .device) == "device/device/#team")
        #expect(EnrichmentFields.identification("upn", for: .user) == "user/user/upn")
        #expect(EnrichmentFields.identification("name", for: .binary) == nil)
        #expect(EnrichmentFields.problem("device/device/virtualization/type", for: .device) == nil)
        #expect(EnrichmentFields.problem("device/device/colour", for: .device)?.contains("not a field") == true)
        #expect(EnrichmentFields.problem("user/user/#x", for: .device) != nil)
    }

    @Test func everyProblemIsListedWithItsLine() throws {
        let bad = try Self.plan(.device, "name,#team,colour\nLAPTOP-01,ops,\n,ops,\nLAPTOP-01,dev,\nLAPTOP-02,,\n")
        guard case .failure(let error) = bad else { Issue.record("expected problems"); return }
        #expect(error.problems.map(\.field) == ["teams.csv:1"])
        #expect(error.problems[0].message.contains("colour"))
        let rowsBad = try Self.plan(.device, "name,#team\nLAPTOP-01,ops\n,ops\nlaptop-01,x\nLAPTOP-01,dev\nLAPTOP-02,\nA,b,c\n")
        guard case .failure(let rowErrors) = rowsBad else { Issue.record("expected problems"); return }
        #expect(rowErrors.problems.map(\.field) == ["teams.csv:3", "teams.csv:5", "teams.csv:6", "teams.csv:7"])
        #expect(rowErrors.problems[1].message.contains("already appears at teams.csv:2"))
    }

    @Test func planBuildsFullNamesAndSkipsEmptyCells() throws {
        let planned = try Self.plan(.user, "upn,ad/department,#desk\nann@x.com,Finance,\nbob@x.com,,D4\n").get()
        #expect(planned.map(\.origin) == ["teams.csv:2", "teams.csv:3"])
        #expect(planned[0].enrichment.identification == [Identification(name: "user/user/upn", value: "ann@x.com")])
        #expect(planned[0].enrichment.fields == [EnrichmentField(name: "user/user/ad/department", value: .string("Finance"))])
        #expect(planned[1].enrichment.fields == [EnrichmentField(name: "user/user/#desk", value: .string("D4"))])
    }

    static func send(_ client: NexthinkClient, _ planned: [PlannedEnrichment],
                     batchSize: Int = EnrichmentLimits.objectsPerRequest, concurrency: Int = 4) async -> [EnrichmentBatchResult] {
        await BatchExecutor(enrichmentDomain: "cmdb", client: client, concurrency: concurrency)
            .run(BatchPlanner.batches(planned, size: batchSize))
    }

    @Test func valuesShowInLaterDeviceQueriesAndUnknownDevicesAreReported() async throws {
        try await withEmulator { server, client in
            let planned = try Self.plan(.device, "name,#team,configuration_tag\nLAPTOP-01,ops,gold\nNO-SUCH-PC,dev,\n").get()
            let results = await Self.send(client, planned)
            #expect(results.count == 1)
            let failures = results[0].response?.failures ?? []
            #expect(failures.map(\.origin) == ["teams.csv:3"])
            #expect(failures.first?.reasons.first?.hasPrefix("OBJECT_NOT_FOUND") == true)
            let devices = try await client.executeNQL(queryID: "#devices")
            #expect(devices.headers.contains("device.#team"))
            #expect(devices.headers.contains("device.configuration_tag"))
            let laptop = devices.data.first { $0["device.name"]?.stringValue == "LAPTOP-01" }
            #expect(laptop?["device.#team"]?.stringValue == "ops")
            #expect(server.enrichedObjects == 1)
        }
    }

    @Test func aBatchWhereEveryObjectFailsIsRejectedObjectByObject() async throws {
        try await withEmulator { _, client in
            let planned = try Self.plan(.device, "uid,#team\n00000000-0000-4000-8000-000000000001,ops\n").get()
            let results = await Self.send(client, planned)
            let response = try #require(results[0].response, "\(results[0].outcome)")
            #expect(response.rejected)
            #expect(response.failures.map(\.origin) == ["teams.csv:2"])
        }
    }

    @Test func enrichmentIsIdempotentSoAnUnknownOutcomeIsSentOnceMoreAndCounted() async throws {
        try await withEmulator { server, client in
            server.faults.inject(.enrichment, .status(503))
            let planned = try Self.plan(.device, "name,#team\nLAPTOP-01,a\nLAPTOP-02,b\nLAPTOP-03,c\n").get()
            let results = await Self.send(client, planned, batchSize: 2, concurrency: 1)
            #expect(results.map(\.batch.range) == ["1-2", "3-3"])
            #expect(results.allSatisfy { $0.response?.failures.isEmpty == true })
            #expect(results.map(\.attempts) == [2, 1])
            #expect(server.stats.requests(for: .enrichment) == 3)
        }
    }

    @Test func forbiddenStopsTheRemainingBatches() async throws {
        try await withEmulator { server, client in
            server.faults.inject(.enrichment, .status(403))
            let planned = try Self.plan(.device, "name,#team\nLAPTOP-01,a\nLAPTOP-02,b\n").get()
            let results = await Self.send(client, planned, batchSize: 1, concurrency: 1)
            guard case .failed(let e) = results[0].outcome, case .notSent = results[1].outcome else {
                Issue.record("\(results.map(\.outcome))"); return
            }
            #expect(e.kind == .forbidden)
            #expect(server.stats.requests(for: .enrichment) == 1)
        }
    }

    @Test func theSingleCallDoesNotRepeatAnUnknownOutcomeItself() async throws {
        try await withEmulator { server, client in
            server.faults.inject(.enrichment, .status(503))
            let planned = try Self.plan(.device, "name,#team\nLAPTOP-01,a\n").get()
            let request = EnrichmentRequest(domain: "cmdb", enrichments: planned.map(\.enrichment))
            let error = try #require(await nexthinkError { try await client.enrich(request) })
            #expect(error.kind == .outcomeUnknown)
            #expect(server.stats.requests(for: .enrichment) == 1)
        }
    }
}
