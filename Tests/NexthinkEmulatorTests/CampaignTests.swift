import Foundation
import NexthinkEmulator
import Testing

@Suite struct CampaignTests {
    static let path = "/api/v1/euf/campaign/trigger"
    static var valid: [String: Any] {
        ["campaignNqlId": "#csat_after_fix", "userSid": [Seeded.sid, "S-1-5-21-1-2-3-1002"], "expiresInMinutes": 60,
         "parameters": ["ticket": "INC0012345"]]
    }

    static func with(_ changes: [String: Any?]) -> [String: Any] {
        var body = valid
        for (key, value) in changes { body[key] = value }
        return body
    }

    @Test func oneRequestPerDistinctUserWithMessagesForTheRest() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            let sids = [Seeded.sid, Seeded.sid, "S-1-5-21-9-9-9-9999", "alice"]
            let r = try await Emu.api(server, "POST", Self.path, token: token, json: Self.with(["userSid": sids]))
            #expect(r.status == 200, "\(r.text)")
            let requests = try #require(try r.object()["requests"] as? [[String: Any]])
            #expect(requests.map { $0["userSid"] as? String } == [Seeded.sid, "S-1-5-21-9-9-9-9999", "alice"])
            #expect(requests[0]["requestId"] as? String != nil)
            #expect(requests[1]["message"] as? String == "no user with this SID")
            #expect(requests[2]["message"] as? String == "not a valid SID")
            #expect(server.stats.accepted(for: .campaignTrigger) == 1)

            let id = try #require(requests[0]["requestId"] as? String)
            let state: () async throws -> String? = {
                let q = try await Emu.nql(server, token: token, "#campaign_responses_by_request", ["request_id": id])
                return (try q.object()["data"] as? [[String: Any]])?.first?["state"] as? String
            }
            #expect(try await state() == "targeted")
            server.advanceTime(by: .seconds(400))
            #expect(["fully_answered", "declined"].contains(try await state() ?? ""))
        }
    }

    static var rejected: [([String: Any?], String)] { [
        (["campaignNqlId": nil], "INVALID_REQUEST"),
        (["userSid": [String]()], "INVALID_REQUEST"),
        (["userSid": Array(repeating: Seeded.sid, count: 10_001)], "INVALID_REQUEST"),
        (["expiresInMinutes": 0], "INVALID_REQUEST"),
        (["expiresInMinutes": 525_601], "INVALID_REQUEST"),
        (["expiresInMinutes": nil], "INVALID_REQUEST"),
        (["parameters": Dictionary(uniqueKeysWithValues: (0...30).map { ("p\($0)", "v") })], "INVALID_REQUEST"),
        (["campaignNqlId": "#nope"], "CAMPAIGN_NOT_FOUND"),
        (["campaignNqlId": "#old_pulse_survey", "parameters": nil], "CAMPAIGN_NOT_PUBLISHED"),
        (["campaignNqlId": "#vpn_survey", "parameters": nil], "CAMPAIGN_NOT_API_TRIGGERED"),
        (["parameters": ["tickt": "x"]], "INVALID_PARAMETERS"),
    ] }

    @Test(arguments: 0..<11)
    func rejectionsUseTheCampaignErrorBody(_ index: Int) async throws {
        let (changes, code) = Self.rejected[index]
        try await Emu.with { server in
            let token = try await Emu.token(server)
            let r = try await Emu.api(server, "POST", Self.path, token: token, json: Self.with(changes))
            #expect(r.status == 400, "\(r.text)")
            #expect(try r.object()["code"] as? String == code)
            #expect(!(try r.object()["message"] as? String ?? "").isEmpty)
            #expect(server.stats.accepted(for: .campaignTrigger) == 0)
        }
    }

    @Test func campaignsQueryListsTheSeededCampaigns() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            let r = try await Emu.nql(server, token: token, "#campaigns")
            let rows = try #require(try r.object()["data"] as? [[String: Any]])
            #expect(rows.count >= 4)
            let csat = try #require(rows.first { $0["campaign.nql_id"] as? String == "#csat_after_fix" })
            #expect(csat["campaign.parameters"] as? [String] == ["ticket"])
        }
    }

    @Test func unauthorizedCarriesTheDocumentedBody() async throws {
        try await Emu.with { server in
            let r = try await Emu.api(server, "POST", Self.path, token: "expired", json: Self.valid)
            #expect(r.status == 401)
            #expect(try r.object()["code"] as? String == "UNAUTHORIZED")
            #expect(server.stats.accepted(for: .campaignTrigger) == 0)
        }
    }

    @Test func droppedTriggerWasActedOnOnce() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            server.faults.inject(.campaignTrigger, .dropConnection)
            await #expect(throws: (any Error).self) {
                _ = try await Emu.api(server, "POST", Self.path, token: token, json: Self.valid)
            }
            #expect(server.stats.accepted(for: .campaignTrigger) == 1)
            #expect(server.stats.requests(for: .campaignTrigger) == 1)
        }
    }
}
