import Foundation
import NexthinkEmulator
import Testing

@Suite struct RemoteActionTests {
    @Test func listReturnsAllActionsWithTheSpecFields() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            let r = try await Emu.api(server, "GET", "/api/v1/act/remote-action", token: token)
            #expect(r.status == 200)
            let actions = try r.array()
            #expect(actions.count >= 8)
            let ids = Set(actions.compactMap { $0["id"] as? String })
            for id in ["#ExampleRA", "#restart_service", "#set_service_start_type", "#get_battery_status", "#clear_teams_cache"] {
                #expect(ids.contains(id))
            }
            for action in actions {
                for key in ["id", "uuid", "name", "description", "origin", "builtInContentVersion", "purpose", "targeting", "scriptInfo"] {
                    #expect(action[key] != nil, "\(action["id"] ?? "?") lacks \(key)")
                }
                #expect(action["sampleOutputs"] == nil, "emulator-only seed data leaked")
            }
            #expect(actions.contains { ($0["targeting"] as? [String: Any])?["apiEnabled"] as? Bool == false })
        }
    }

    @Test func filtersMatchScriptInfo() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            func ids(_ query: String) async throws -> [String: [String: Any]] {
                let r = try await Emu.api(server, "GET", "/api/v1/act/remote-action?" + query, token: token)
                #expect(r.status == 200)
                return Dictionary(try r.array().map { ($0["id"] as? String ?? "", $0["scriptInfo"] as? [String: Any] ?? [:]) },
                                  uniquingKeysWith: { a, _ in a })
            }
            let windowsOnly = try await ids("hasScriptWindows=true&hasScriptMacOs=false")
            #expect(windowsOnly.keys.contains("#restart_service"))
            #expect(!windowsOnly.keys.contains("#get_battery_status"))
            #expect(windowsOnly.values.allSatisfy { $0["hasScriptMacOs"] as? Bool == false })
            let mac = try await ids("hasScriptMacOs=true")
            #expect(mac.keys.contains("#get_macos_software_updates"))
            #expect(mac.keys.contains("#clear_teams_cache"))
            #expect(mac.values.allSatisfy { $0["hasScriptMacOs"] as? Bool == true })
            let noWindows = try await ids("hasScriptWindows=false")
            #expect(Set(noWindows.keys) == ["#get_macos_software_updates"])
        }
    }

    @Test(arguments: ["hasScriptWindows=yes", "hasScriptMacOs=1", "hasScriptMacOs="])
    func badFilterValueIs400(query: String) async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            let r = try await Emu.api(server, "GET", "/api/v1/act/remote-action?" + query, token: token)
            #expect(r.status == 400)
            let body = try r.object()
            #expect(body["code"] as? String == "INVALID_REQUEST")
            #expect((body["message"] as? String)?.contains("true or false") == true)
        }
    }

    @Test func detailsDecodesPercentEncodedHash() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            let r = try await Emu.api(server, "GET", "/api/v1/act/remote-action/details?nql-id=%23set_service_start_type", token: token)
            #expect(r.status == 200)
            let action = try r.object()
            #expect(action["id"] as? String == "#set_service_start_type")
            let inputs = try #require((action["scriptInfo"] as? [String: Any])?["inputs"] as? [[String: Any]])
            let startType = try #require(inputs.first { $0["id"] as? String == "StartType" })
            #expect(startType["options"] as? [String] == ["Automatic", "Manual", "Disabled"])
            #expect(startType["allowCustomValue"] as? Bool == false)
            #expect(inputs.contains { $0["id"] as? String == "StatusChange" })
            #expect(inputs.contains { $0["allowCustomValue"] as? Bool == true })
        }
    }

    @Test func unknownOrMissingDetailsID() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            let unknown = try await Emu.api(server, "GET", "/api/v1/act/remote-action/details?nql-id=%23nope", token: token)
            #expect(unknown.status == 404)
            #expect(try unknown.object()["code"] as? String == "REMOTE_ACTION_NOT_FOUND")
            // A raw '#' starts the URL fragment, so the server sees no '#': the hint says how to send it.
            let bare = try await Emu.api(server, "GET", "/api/v1/act/remote-action/details?nql-id=ExampleRA", token: token)
            #expect(bare.status == 404)
            #expect((try bare.object()["message"] as? String)?.contains("%23") == true)
            let missing = try await Emu.api(server, "GET", "/api/v1/act/remote-action/details", token: token)
            #expect(missing.status == 400)
            #expect(try missing.object()["code"] as? String == "INVALID_REQUEST")
        }
    }
}
