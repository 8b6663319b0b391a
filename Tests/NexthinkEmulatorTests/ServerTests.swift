import Foundation
import NexthinkEmulator
import Testing

@Suite struct ServerTests {
    @Test func instancesGetTheirOwnPorts() async throws {
        try await Emu.with { a in
            try await Emu.with { b in
                #expect(a.port != b.port)
                #expect(a.baseURL == "http://127.0.0.1:\(a.port)")
            }
        }
    }

    @Test func busyPortIsAClearError() async throws {
        try await Emu.with { server in
            var options = EmulatorOptions()
            options.port = server.port
            await #expect(throws: EmulatorError.self) { _ = try await EmulatorServer.start(options) }
        }
    }

    @Test func invalidOptionsAreRejected() async throws {
        var options = EmulatorOptions()
        options.timeScale = 0
        await #expect(throws: EmulatorError.self) { _ = try await EmulatorServer.start(options) }
    }

    /// A shutdown that hangs fails on the time limit; how long it takes on a busy machine is no
    /// concern of this test.
    @Test(.timeLimit(.minutes(2))) func shutdownClosesThePort() async throws {
        // The scope shuts the server down again on leaving (a no-op after the first).
        try await Emu.with { server async throws in
            let url = server.baseURL + "/api/v1/token"
            #expect(try await Emu.send("POST", url, headers: ["Authorization": Emu.demoBasic]).status == 200)
            await server.shutdown()
            // AHC keeps retrying a refused connection until the deadline, hence the short one.
            await #expect(throws: (any Error).self) { _ = try await Emu.send("POST", url, timeout: .seconds(2)) }
        }
    }

    @Test func wrongMethodIs405WithAllow() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            let r = try await Emu.api(server, "DELETE", "/api/v1/act/execute", token: token)
            #expect(r.status == 405)
            #expect(r.header("Allow") == "POST")
            let status = try await Emu.api(server, "POST", "/api/v1/nql/status/abc", token: token)
            #expect(status.status == 405)
            #expect(status.header("Allow") == "GET")
            #expect(try await Emu.api(server, "GET", "/api/v1/nowhere", token: token).status == 404)
        }
    }

    @Test func dataFileReplacesTheSeed() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("emu-data-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let data = """
            {"remoteActions": [{"id": "#only_one", "uuid": "11111111-2222-3333-4444-555555555555", "name": "Only one",
              "description": "d", "origin": "custom", "builtInContentVersion": "", "purpose": ["REMEDIATION"],
              "targeting": {"apiEnabled": true, "manualEnabled": false, "workflowEnabled": false, "manualAllowMultipleDevices": false},
              "scriptInfo": {"executionServiceDelegate": "", "runAs": "LOCAL_SYSTEM", "timeoutSeconds": 30,
                "hasScriptWindows": true, "hasScriptMacOs": false, "inputs": [], "outputs": []}}],
             "devices": [{"uid": "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", "name": "PC-1", "os": "windows"}]}
            """
        try Data(data.utf8).write(to: file)
        try await Emu.with({ $0.dataFile = file.path }) { server in
            let token = try await Emu.token(server)
            let list = try await Emu.api(server, "GET", "/api/v1/act/remote-action", token: token).array()
            #expect(list.compactMap { $0["id"] as? String } == ["#only_one"])
            let devices = try await Emu.nql(server, token: token, "#devices").object()
            #expect(devices["rows"] as? Int == 1)
        }
    }

    @Test func badDataFileIsAClearError() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("emu-bad-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(#"{"remoteActions": [], "devices": [{"uid": "nope", "name": "X", "os": "windows"}]}"#.utf8).write(to: file)
        var options = EmulatorOptions()
        options.dataFile = file.path
        await #expect(throws: SeedError.self) { _ = try await EmulatorServer.start(options) }
        options.dataFile = "/nonexistent/emulator.json"
        await #expect(throws: SeedError.self) { _ = try await EmulatorServer.start(options) }
    }
}

@Suite struct StatsRouteTests {
    @Test func statsRouteMirrorsTheCounters() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            _ = try await Emu.execute(server, token: token, ["remoteActionId": "#flush_dns_cache",
                                                             "devices": [Fleet.docsExample, Fleet.laptop02]])
            let r = try await Emu.send("GET", server.baseURL + "/emulator/stats")
            #expect(r.status == 200)
            let stats = try r.object()
            #expect(stats["executions"] as? Int == 1)
            #expect(stats["executedDevices"] as? Int == 2)
            #expect(stats["tokensIssued"] as? Int == 1)
            #expect((stats["requests"] as? [String: Int])?["execute"] == 1)
            #expect(!r.text.contains(token))
        }
    }
}

@Suite struct SecretTests {
    @Test func optionsNeverShowTheSecret() {
        var options = EmulatorOptions()
        options.clientSecret = "very-secret-value"
        var dumped = ""
        dump(options, to: &dumped)
        for text in [options.description, String(reflecting: options), "\(options)", dumped] {
            #expect(!text.contains("very-secret-value"), "\(text)")
            #expect(text.contains("redacted"))
        }
    }
}
