import Foundation
import NexthinkEmulator
import Testing

@Suite struct ExportTests {
    @Test func exportCompletesAndServesCSV() async throws {
        // Emulated time nearly stands still, so only advanceTime moves the export along.
        try await Emu.with({ $0.timeScale = 0.0001 }) { server in
            let token = try await Emu.token(server)
            let started = try await Emu.api(server, "POST", "/api/v1/nql/export", token: token,
                                            json: ["queryId": "#devices_by_os", "parameters": ["os": "macos"]])
            #expect(started.status == 200)
            let exportID = try #require(try started.object()["exportId"] as? String)
            let early = try await Emu.api(server, "GET", "/api/v1/nql/status/\(exportID)", token: token)
            #expect(try early.object()["status"] as? String == "SUBMITTED")
            #expect(try early.object()["resultsFileUrl"] == nil)
            server.advanceTime(by: .seconds(5))
            let done = try await Emu.api(server, "GET", "/api/v1/nql/status/\(exportID)", token: token)
            #expect(try done.object()["status"] as? String == "COMPLETED")
            let url = try #require(try done.object()["resultsFileUrl"] as? String)
            #expect(url.hasPrefix(server.baseURL))
            let file = try await Emu.send("GET", url)
            #expect(file.status == 200)
            #expect(file.text.hasPrefix("device.name,"))
            #expect(file.text.contains("MAC-01"))
            #expect(!file.text.contains("LAPTOP-01"))
        }
    }

    @Test func getExportTakesJSONOrExplodedParameters() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            for query in ["queryId=%23devices_by_os&parameters=%7B%22os%22%3A%22windows%22%7D",
                          "queryId=%23devices_by_os&os=windows"] {
                let r = try await Emu.api(server, "GET", "/api/v1/nql/export?" + query, token: token)
                #expect(r.status == 200, "\(query): \(r.text)")
            }
            let missingParam = try await Emu.api(server, "GET", "/api/v1/nql/export?queryId=%23devices_by_os", token: token)
            #expect(missingParam.status == 400)
            let unknown = try await Emu.api(server, "GET", "/api/v1/nql/export?queryId=%23nothing_here", token: token)
            #expect(unknown.status == 404)
        }
    }

    @Test func compressedExportsServeACompressedFile() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            for (compression, suffix, magic) in [("GZIP", ".csv.gz", [UInt8]([0x1F, 0x8B])), ("ZSTD", ".csv.zst", [0x28, 0xB5, 0x2F, 0xFD])] {
                let started = try await Emu.api(server, "POST", "/api/v1/nql/export", token: token,
                                                json: ["queryId": "#devices", "compression": compression])
                let exportID = try #require(try started.object()["exportId"] as? String)
                server.advanceTime(by: .seconds(5))
                let status = try await Emu.api(server, "GET", "/api/v1/nql/status/\(exportID)", token: token).object()
                #expect(status["status"] as? String == "COMPLETED")
                let url = try #require(status["resultsFileUrl"] as? String)
                #expect(url.hasSuffix(suffix))
                let file = try await Emu.send("GET", url)
                #expect(Array(file.body.prefix(magic.count)) == magic)
            }
            let bad = try await Emu.api(server, "POST", "/api/v1/nql/export", token: token,
                                        json: ["queryId": "#devices", "compression": "RAR"])
            #expect(bad.status == 400)
        }
    }

    @Test func unknownExportIs404() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            let r = try await Emu.api(server, "GET", "/api/v1/nql/status/nope", token: token)
            #expect(r.status == 404)
            #expect(try r.object()["code"] as? Int == 404)
        }
    }
}
