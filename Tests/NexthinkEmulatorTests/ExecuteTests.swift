import Foundation
import NexthinkEmulator
import Testing

@Suite struct ExecuteTests {
    static var valid: [String: Any] { [
        "remoteActionId": "#ExampleRA",
        "devices": [Fleet.docsExample, Fleet.laptop02],
        "params": ["StartType": "Automatic", "StatusChange": "On"],
        "triggerInfo": ["externalSource": "ServiceNow", "reason": "User reported a stuck service",
                        "externalReference": "SNOW-488783"],
    ] }

    static func with(_ changes: [String: Any?]) -> [String: Any] {
        var body = valid
        for (key, value) in changes { body[key] = value }
        return body
    }

    @Test func acceptsAndEchoesDefaultExpiry() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            let r = try await Emu.execute(server, token: token, Self.valid)
            #expect(r.status == 200, "\(r.text)")
            let body = try r.object()
            let requestID = try #require(body["requestId"] as? String)
            #expect(UUID(uuidString: requestID) != nil)
            #expect(body["expiresInMinutes"] as? Int == 60)
            #expect(server.stats.executionCount == 1)
            #expect(server.stats.executedDevices == 2)
            let custom = try await Emu.execute(server, token: token, Self.with(["expiresInMinutes": 10_080]))
            #expect(try custom.object()["expiresInMinutes"] as? Int == 10_080)
            #expect(try custom.object()["requestId"] as? String != requestID)
        }
    }

    static var invalid: [(String, [String: Any?], String)] { [
        ("missing id", ["remoteActionId": nil], "remoteActionId is required"),
        ("empty id", ["remoteActionId": ""], "must not be empty"),
        ("numeric id", ["remoteActionId": 7], "remoteActionId must be a string"),
        ("missing devices", ["devices": nil], "devices is required"),
        ("devices not array", ["devices": Fleet.docsExample], "devices must be an array"),
        ("no devices", ["devices": [String]()], "at least 1"),
        ("too many devices", ["devices": (0..<10_001).map { String(format: "00000000-0000-4000-8000-%012d", $0) }], "at most 10000"),
        ("not a uuid", ["devices": [Fleet.docsExample, "LAPTOP-01"]], "devices[1]"),
        ("uuid without dashes", ["devices": ["3fa85f6457174562b3fc2c963f66afa6"]], "not a Collector UUID"),
        ("device not string", ["devices": [42]], "devices[0] must be a string"),
        ("expiry too short", ["expiresInMinutes": 59], "between 60 and 10080"),
        ("expiry too long", ["expiresInMinutes": 10_081], "between 60 and 10080"),
        ("expiry fractional", ["expiresInMinutes": 60.5], "integer"),
        ("expiry string", ["expiresInMinutes": "60"], "integer"),
        ("params array", ["params": ["On"]], "params must be an object"),
        ("param not string", ["params": ["StartType": 1]], "params.StartType must be a string"),
        ("reason too long", ["triggerInfo": ["reason": String(repeating: "x", count: 501)]], "at most 500"),
        ("trigger not object", ["triggerInfo": "ServiceNow"], "triggerInfo must be an object"),
    ] }

    @Test func eachRuleGivesInvalidRequest() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            for (name, changes, fragment) in Self.invalid {
                let r = try await Emu.execute(server, token: token, Self.with(changes))
                #expect(r.status == 400, "\(name)")
                let body = try r.object()
                #expect(body["code"] as? String == "INVALID_REQUEST", "\(name)")
                let message = body["message"] as? String ?? ""
                #expect(message.contains(fragment), "\(name): \(message)")
            }
            #expect(server.stats.executionCount == 0)
            #expect(server.stats.requests(for: .execute) == Self.invalid.count)
        }
    }

    @Test(arguments: ["not json", "[1,2]", "\"text\"", ""])
    func malformedBodyIsInvalidRequest(body: String) async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            let r = try await Emu.send("POST", server.baseURL + "/api/v1/act/execute",
                                       headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                                       body: Array(body.utf8))
            #expect(r.status == 400)
            #expect(try r.object()["code"] as? String == "INVALID_REQUEST")
            #expect((try r.object()["message"] as? String)?.contains("JSON object") == true)
        }
    }

    @Test func boundariesAreAccepted() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            let devices = (0..<10_000).map { String(format: "00000000-0000-4000-8000-%012d", $0) }
            let r = try await Emu.execute(server, token: token, Self.with(
                ["devices": devices, "expiresInMinutes": 60, "params": nil,
                 "triggerInfo": ["reason": String(repeating: "x", count: 500)]]))
            #expect(r.status == 200, "\(r.text.prefix(300))")
            #expect(server.stats.executedDevices == 10_000)
        }
    }

    @Test func unknownActionAndNotAPIEnabled() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            let unknown = try await Emu.execute(server, token: token, Self.with(["remoteActionId": "#does_not_exist", "params": nil]))
            #expect(unknown.status == 400)
            #expect(try unknown.object()["code"] as? String == "REMOTE_ACTION_NOT_FOUND")
            let manualOnly = try await Emu.execute(server, token: token, Self.with(["remoteActionId": "#collect_event_logs", "params": nil]))
            #expect(manualOnly.status == 403)
            #expect(try manualOnly.object()["code"] as? String == "REMOTE_ACTION_NOT_API_ENABLED")
            #expect(server.stats.executionCount == 0)
            #expect(server.stats.requests(for: .execute) == 2)
        }
    }

    /// The spec allows any string map: names and values are the client's to check against details.
    @Test func paramsAreAnyStringMap() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            for params in [["ServiceName": "MyCustomService"], ["Colour": "red"], [:]] {
                let r = try await Emu.execute(server, token: token, Self.with(["remoteActionId": "#restart_service", "params": params]))
                #expect(r.status == 200, "\(params): \(r.text)")
            }
        }
    }

    @Test func hundredThousandDevicesInTenBatches() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            for batch in 0..<10 {
                let devices = (0..<10_000).map { String(format: "%08d-0000-4000-8000-%012d", batch, $0) }
                let r = try await Emu.execute(server, token: token, ["remoteActionId": "#flush_dns_cache", "devices": devices])
                #expect(r.status == 200)
            }
            #expect(server.stats.executionCount == 10)
            #expect(server.stats.executedDevices == 100_000)
        }
    }
}
