import Foundation
@testable import NexthinkClient
import NexthinkEmulator
import Testing

@Suite("Campaigns against the emulator")
struct CampaignTests {
    static let sid: UserSID = "S-1-5-21-1-2-3-1001"
    let request = CampaignTriggerRequest(campaignNqlId: "#csat_after_fix", userSid: [sid, "S-1-5-21-1-2-3-1002"],
                                         expiresInMinutes: 60, parameters: ["ticket": "INC0012345"])

    @Test func listCampaignsReadsTheSavedQuery() async throws {
        try await withEmulator { _, client in
            let campaigns = try await client.listCampaigns()
            #expect(campaigns.count >= 4)
            #expect(campaigns.first { $0.id == "#csat_after_fix" }?.parameters == ["ticket"])
        }
    }

    @Test func triggerThenResponsesThroughNQL() async throws {
        try await withEmulator { server, client in
            let csat = try #require(try await client.listCampaigns().first { $0.id == "#csat_after_fix" })
            let answer = try await client.triggerCampaign(request, against: csat)
            #expect(answer.requests.count == 2)
            #expect(answer.refused.isEmpty)
            #expect(server.stats.accepted(for: .campaignTrigger) == 1)
            let id = try #require(answer.requests.first?.requestId)
            let rows = try await client.executeNQL(queryID: "#campaign_responses_by_request", parameters: ["request_id": id])
            #expect(rows.data.first?["user.sid"] == .string(Self.sid.text))
            #expect(rows.data.first?["state"] == .string("targeted"))
        }
    }

    @Test func unknownUsersComeBackWithAMessage() async throws {
        try await withEmulator { _, client in
            var r = request
            r.userSid = [Self.sid, "S-1-5-21-9-9-9-9999"]
            let answer = try await client.triggerCampaign(r)
            #expect(answer.refused.map(\.userSid) == ["S-1-5-21-9-9-9-9999"])
            #expect(answer.refused.first?.message == "no user with this SID")
        }
    }

    static let invalid: [(CampaignTriggerRequest, String)] = [
        (.init(campaignNqlId: "#csat_after_fix", userSid: [], expiresInMinutes: 60, parameters: ["ticket": "x"]), "userSid"),
        (.init(campaignNqlId: "#csat_after_fix", userSid: Array(repeating: sid, count: 10_001), expiresInMinutes: 60,
               parameters: ["ticket": "x"]), "userSid"),
        (.init(campaignNqlId: "#csat_after_fix", userSid: [sid], expiresInMinutes: 0, parameters: ["ticket": "x"]), "expiresInMinutes"),
        (.init(campaignNqlId: "#csat_after_fix", userSid: [sid], expiresInMinutes: 525_601, parameters: ["ticket": "x"]), "expiresInMinutes"),
        (.init(campaignNqlId: "#csat_after_fix", userSid: [sid], expiresInMinutes: 60,
               parameters: Dictionary(uniqueKeysWithValues: (0...30).map { ("p\($0)", "v") })), "parameters"),
        (.init(campaignNqlId: "#csat_after_fix", userSid: [sid], expiresInMinutes: 60, parameters: ["tickt": "x"]), "parameters.tickt"),
        (.init(campaignNqlId: "#csat_after_fix", userSid: [sid], expiresInMinutes: 60), "parameters.ticket"),
    ]

    @Test(arguments: 0..<7)
    func invalidRequestsAreListedAndNeverSent(_ index: Int) async throws {
        let (bad, place) = Self.invalid[index]
        try await withEmulator { server, client in
            let csat = try #require(try await client.listCampaigns().first { $0.id == "#csat_after_fix" })
            let error = try #require(await nexthinkError { try await client.triggerCampaign(bad, against: csat) })
            #expect(error.kind == .validation)
            #expect(error.problems.contains { $0.description.hasPrefix(place + ":") }, "\(error)")
            #expect(server.stats.requests(for: .campaignTrigger) == 0)
        }
    }

    @Test func campaignErrorBodiesAreDecoded() async throws {
        try await withEmulator { server, client in
            var r = request
            r.parameters = [:]
            let error = try #require(await nexthinkError { try await client.triggerCampaign(r) })
            #expect(error.kind == .invalidRequest)
            #expect(error.code == "INVALID_PARAMETERS")
            #expect(error.message.contains("missing ticket"))
            r.campaignNqlId = "#nope"
            #expect(try #require(await nexthinkError { try await client.triggerCampaign(r) }).kind == .notFound)
            #expect(server.stats.accepted(for: .campaignTrigger) == 0)
        }
    }

    @Test(arguments: [Fault.status(500, retryAfter: nil), .dropConnection])
    func triggerIsNotRetriedWhenTheServiceMayHaveActed(_ fault: Fault) async throws {
        try await withEmulator { server, client in
            _ = try await client.token()
            server.faults.inject(.campaignTrigger, fault)
            let error = try #require(await nexthinkError { try await client.triggerCampaign(request) })
            #expect(error.kind == .outcomeUnknown)
            #expect(error.hint?.contains("campaign.responses") == true)
            #expect(server.stats.requests(for: .campaignTrigger) == 1)
            #expect(server.stats.accepted(for: .campaignTrigger) == (fault == .dropConnection ? 1 : 0))
        }
    }

    @Test func triggerIsRetriedAfter429() async throws {
        let recorder = Recorder()
        try await withEmulator(recorder: recorder) { server, client in
            server.faults.inject(.campaignTrigger, .status(429, retryAfter: "1"))
            _ = try await client.triggerCampaign(request)
            #expect(recorder.sleeps == [.seconds(1)])
            #expect(server.stats.accepted(for: .campaignTrigger) == 1)
        }
    }

    @Test func largeUserListsSplitIntoCallsWithinTheLimit() {
        let sids = (0..<20_001).map { try! UserSID("S-1-5-21-1-2-3-\($0)") }
        let batches = CampaignTriggerRequest(campaignNqlId: "#c", userSid: sids, expiresInMinutes: 5).batches()
        #expect(batches.map(\.userSid.count) == [10_000, 10_000, 1])
    }
}
