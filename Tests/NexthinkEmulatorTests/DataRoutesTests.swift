import Foundation
import NexthinkEmulator
import Testing

/// Export limits, enrichment and device deletions over HTTP, in the documents' shapes.
@Suite struct DataRoutesTests {
    static func completedExport(_ server: EmulatorServer, token: String, rows: Int) async throws -> HTTPResult {
        let started = try await Emu.api(server, "POST", "/api/v1/nql/export", token: token,
                                        json: ["queryId": "#large_table", "parameters": ["rows": String(rows)]])
        let exportID = try #require(try started.object()["exportId"] as? String)
        server.advanceTime(by: .seconds(5))
        return try await Emu.api(server, "GET", "/api/v1/nql/status/\(exportID)", token: token)
    }

    @Test func exportOverTheLicensedMaximumIsPartialContent() async throws {
        try await Emu.with({ $0.dataLimits.exportRows = 10 }) { server in
            let token = try await Emu.token(server)
            let status = try await Self.completedExport(server, token: token, rows: 25)
            #expect(status.status == 206)
            let url = try #require(try status.object()["resultsFileUrl"] as? String)
            let file = try await Emu.send("GET", url)
            #expect(file.text.split(separator: "\n").count == 11)
            let withToken = try await Emu.send("GET", url, headers: ["Authorization": "Bearer \(token)"])
            #expect(withToken.status == 400)
        }
    }

    @Test func exportsPastTheDailyLimitAnswer429WithADate() async throws {
        try await Emu.with({ $0.dataLimits.exportsPerDay = 1 }) { server in
            let token = try await Emu.token(server)
            #expect(try await Self.completedExport(server, token: token, rows: 1).status == 200)
            let second = try await Self.completedExport(server, token: token, rows: 1)
            #expect(second.status == 429)
            #expect(second.header("Retry-After")?.hasSuffix(" GMT") == true)
        }
    }

    @Test func enrichmentAnswersSuccessPartialOrError() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            func enrich(_ items: [[String: Any]]) async throws -> HTTPResult {
                try await Emu.api(server, "POST", "/api/v1/enrichment/data/fields", token: token,
                                  json: ["domain": "test", "enrichments": items])
            }
            func item(_ idName: String, _ id: String, _ field: String, _ value: Any) -> [String: Any] {
                ["identification": [["name": idName, "value": id]], "fields": [["name": field, "value": value]]]
            }
            let ok = try await enrich([item("device/device/name", "LAPTOP-01", "device/device/#team", "ops"),
                                       item("user/user/upn", "ann@example.com", "user/user/ad/department", "Finance")])
            #expect(ok.status == 200)
            #expect(try ok.object()["status"] as? String == "success")
            let partial = try await enrich([item("device/device/name", "LAPTOP-01", "device/device/#team", 7),
                                            item("device/device/name", "NOPE", "device/device/#team", "x"),
                                            item("device/device/name", "LAPTOP-02", "device/device/colour", "x")])
            #expect(partial.status == 207)
            let errors = try #require(try partial.object()["errors"] as? [[String: Any]])
            let codes = errors.compactMap { (($0["errors"] as? [[String: Any]])?.first?["code"]) as? String }
            #expect(codes == ["OBJECT_NOT_FOUND", "INVALID_FIELD_NAME"])
            let none = try await enrich([item("device/device/uid", Fleet.unknown, "device/device/#team", "x")])
            #expect(none.status == 400)
            #expect(try none.object()["status"] as? String == "error")
            let malformed = try await Emu.api(server, "POST", "/api/v1/enrichment/data/fields", token: token, json: ["enrichments": []])
            #expect(malformed.status == 400)
            #expect(server.enrichedObjects == 3)
        }
    }

    @Test func deletionsScheduleKnownDevicesAndEchoTheRequestID() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            let r = try await Emu.api(server, "POST", "/api/v1/data-management/device/deletions", token: token,
                                      json: ["devices": [["uid": Fleet.laptop02, "name": "LAPTOP-02"],
                                                         ["uid": "bad", "name": "X"],
                                                         ["uid": Fleet.unknown, "name": "GHOST"]]],
                                      headers: ["x-request-id": "11111111-2222-4333-8444-555555555555"])
            #expect(r.status == 202)
            #expect(r.header("x-request-id") == "11111111-2222-4333-8444-555555555555")
            let body = try r.object()
            #expect(body["scheduledCount"] as? Int == 1)
            #expect((body["devices"] as? [[String: Any]])?.compactMap { $0["status"] as? String } == ["SCHEDULED", "INVALID", "FAILED"])
            let devices = try await Emu.nql(server, token: token, "#devices")
            #expect(!devices.text.contains("LAPTOP-02"))
            for (json, code) in [(["devices": []], "EMPTY_REQUEST"),
                                 (["devices": (0...100).map { _ in ["uid": Fleet.unknown, "name": "X"] }], "BATCH_SIZE_EXCEEDED"),
                                 (["devices": [["uid": Fleet.unknown, "name": " "]]], "INVALID_REQUEST")] as [([String: Any], String)] {
                let bad = try await Emu.api(server, "POST", "/api/v1/data-management/device/deletions", token: token, json: json)
                #expect(bad.status == 400)
                #expect(try bad.object()["code"] as? String == code)
            }
        }
    }

    @Test func newRoutesTakeInjectedFaults() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            server.faults.inject(.enrichment, .status(503))
            server.faults.inject(.deviceDeletion, .status(429, retryAfter: "3"))
            let e = try await Emu.api(server, "POST", "/api/v1/enrichment/data/fields", token: token, json: ["domain": "x"])
            #expect(e.status == 503)
            let d = try await Emu.api(server, "POST", "/api/v1/data-management/device/deletions", token: token, json: ["devices": []])
            #expect(d.status == 429)
            #expect(d.header("Retry-After") == "3")
            #expect(server.deletedDevices == 0)
        }
    }
}
