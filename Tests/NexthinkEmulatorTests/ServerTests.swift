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

    @Test func shutdownClosesThePort() async throws {
        let server = try await EmulatorServer.start()
        let url = server.baseURL + "/api/v1/token"
        #expect(try await Emu.send("POST", url, headers: ["Authorization": Emu.demoBasic]).status == 200)
        let clock = ContinuousClock()
        let stopping = await clock.measure { await server.shutdown() }
        #expect(stopping < .seconds(5), "shutdown took \(stopping)")
        // AHC keeps retrying a refused connection until the deadline, hence the short one.
        await #expect(throws: (any Error).self) { _ = try await Emu.send("POST", url, timeout: .seconds(2)) }
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
