import Foundation
import NexthinkEmulator
import Testing

/// Seeded workflows and users the tests rely on.
enum Seeded {
    static let spooler = "#wf_restart_spooler"          // DEVICE, API + manual, ACTIVE
    static let approval = "#wf_software_approval"       // USER_AND_DEVICE, waits for an event
    static let sid = "S-1-5-21-1-2-3-1001"              // Alex Adams, on LAPTOP-01
    static let upn = "a@acme.com"
}

@Suite struct WorkflowTests {
    static func execute(_ server: EmulatorServer, _ token: String, _ body: [String: Any], version: Int = 1) async throws -> HTTPResult {
        try await Emu.api(server, "POST", "/api/v\(version)/workflows/execute", token: token, json: body)
    }

    static func executions(_ server: EmulatorServer, _ token: String, _ requestID: String) async throws -> [[String: Any]] {
        let r = try await Emu.nql(server, token: token, "#workflow_executions_by_request", ["request_id": requestID])
        #expect(r.status == 200, "\(r.text)")
        return try #require(try r.object()["data"] as? [[String: Any]])
    }

    @Test func listFiltersByDependencyTriggerMethodAndStatus() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            let all = try await Emu.api(server, "GET", "/api/v1/workflows", token: token).array()
            #expect(all.count >= 8)
            #expect(Set(all.compactMap { $0["status"] as? String }) == ["ACTIVE", "INACTIVE"])
            let path = "/api/v1/workflows?dependency=DEVICE&triggerMethod=API&fetchOnlyActiveWorkflows=true"
            let ids = try await Emu.api(server, "GET", path, token: token).array().compactMap { $0["id"] as? String }
            #expect(ids == [Seeded.spooler])
            let bad = try await Emu.api(server, "GET", "/api/v1/workflows?dependency=PRINTER", token: token)
            #expect(bad.status == 400)
            #expect(try bad.object()["details"] as? String != nil)
            #expect(try bad.object()["message"] == nil)
        }
    }

    @Test func detailsIsAnArrayEmptyForUnknownIds() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            let one = try await Emu.api(server, "GET", "/api/v1/workflows/details?nqlId=%23wf_restart_spooler", token: token).array()
            #expect(one.first?["id"] as? String == Seeded.spooler)
            #expect((one.first?["triggerMethods"] as? [String: Any])?["apiEnabled"] as? Bool == true)
            #expect(try await Emu.api(server, "GET", "/api/v1/workflows/details?nqlId=%23nope", token: token).array().isEmpty)
            #expect(try await Emu.api(server, "GET", "/api/v1/workflows/details", token: token).status == 400)
        }
    }

    @Test func v1ExecutionsProgressOnTheEmulatedClock() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            let r = try await Self.execute(server, token, ["workflowId": Seeded.spooler, "devices": [Fleet.docsExample, Fleet.unknown], "users": []])
            #expect(r.status == 200, "\(r.text)")
            let body = try r.object()
            let request = try #require(body["requestUuid"] as? String)
            #expect((body["executionsUuids"] as? [String])?.count == 2)
            #expect(server.stats.accepted(for: .workflowExecute) == 1)
            let before = try await Self.executions(server, token, request)
            #expect(before.allSatisfy { $0["status"] as? String == "waiting_for_device" })
            server.advanceTime(by: .seconds(120))
            let after = try await Self.executions(server, token, request)
            #expect(after.first { $0["device.name"] as? String == "LAPTOP-01" }?["status"] as? String == "success")
            #expect(after.first { $0["device.name"] as? String == "LAPTOP-01" }?["user.sid"] as? String == Seeded.sid)
            #expect(after.first { $0["device.name"] is NSNull }?["status"] as? String == "waiting_for_device")
            #expect(after.allSatisfy { $0["workflow.nql_id"] as? String == Seeded.spooler })
        }
    }

    @Test func v2ResolvesExternalIdentifiers() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            let body: [String: Any] = ["workflowId": Seeded.approval, "devices": [["name": "laptop-02"]],
                                       "users": [["upn": Seeded.upn], ["sid": Seeded.sid]], "params": ["software": "7-Zip"]]
            let r = try await Self.execute(server, token, body, version: 2)
            #expect(r.status == 200, "\(r.text)")
            let rows = try await Self.executions(server, token, try #require(try r.object()["requestUuid"] as? String))
            // The UPN and the SID are the same user: one execution for them.
            #expect(Set(rows.compactMap { $0["device.name"] as? String }) == ["LAPTOP-01", "LAPTOP-02"])
            let strangers = try await Self.execute(server, token, ["workflowId": Seeded.approval,
                                                                   "users": [["upn": "x@acme.com"], ["upn": "y@acme.com"]]], version: 2)
            let unknown = try await Self.executions(server, token, try #require(try strangers.object()["requestUuid"] as? String))
            #expect(unknown.count == 2)
            #expect(unknown.allSatisfy { $0["user.sid"] is NSNull && $0["status"] as? String == "waiting_for_device" })
        }
    }

    static var rejected: [([String: Any], Int, Int, String)] { [
        (["workflowId": "#wf_restart_spooler", "devices": ["LAPTOP-01"]], 1, 400, "INVALID_REQUEST"),
        (["workflowId": "#wf_restart_spooler", "users": ["alice"]], 1, 400, "INVALID_REQUEST"),
        (["workflowId": "#wf_restart_spooler", "devices": [[String: String]()]], 2, 400, "INVALID_REQUEST"),
        (["workflowId": "#wf_restart_spooler", "users": [["upn": "not-an-email"]]], 2, 400, "INVALID_REQUEST"),
        // Schema: record fields are strings; null is rejected, not read as absent.
        (["workflowId": "#wf_restart_spooler", "users": [["upn": "a@acme.com", "sid": NSNull()]]], 2, 400, "INVALID_REQUEST"),
        (["workflowId": "#wf_restart_spooler", "devices": [String](), "users": [String]()], 1, 400, "INVALID_REQUEST"),
        (["workflowId": "#nope", "devices": [Fleet.docsExample]], 1, 400, "WORKFLOW_NOT_FOUND"),
        (["workflowId": "#wf_legacy_vpn_fix", "devices": [Fleet.docsExample]], 1, 400, "WORKFLOW_INACTIVE"),
        (["workflowId": "#wf_disk_cleanup", "devices": [Fleet.docsExample]], 1, 403, "WORKFLOW_NOT_API_ENABLED"),
    ] }

    @Test(arguments: 0..<9)
    func rejectionsUseTheWorkflowErrorBody(_ index: Int) async throws {
        let (body, version, status, code) = Self.rejected[index]
        try await Emu.with { server in
            let token = try await Emu.token(server)
            let r = try await Self.execute(server, token, body, version: version)
            #expect(r.status == status, "\(r.text)")
            #expect(try r.object()["code"] as? String == code)
            #expect(!(try r.object()["details"] as? String ?? "").isEmpty)
            #expect(server.stats.accepted(for: .workflowExecute) == 0)
        }
    }

    @Test func thinkletTriggerReleasesAWaitingExecutionOnce() async throws {
        // Emulated time all but stands still, so only `advanceTime` moves the execution on: on a
        // loaded machine the first calls once took longer than the 10 s before the wait.
        try await Emu.with({ $0.timeScale = 0.000_1 }) { server in
            let token = try await Emu.token(server)
            let r = try await Self.execute(server, token, ["workflowId": Seeded.approval, "users": [Seeded.sid]])
            let body = try r.object()
            let request = try #require(body["requestUuid"] as? String)
            let execution = try #require((body["executionsUuids"] as? [String])?.first)
            let details = try await Emu.api(server, "GET", "/api/v1/workflows/details?nqlId=%23wf_software_approval", token: token)
            let uuid = try #require(try details.array().first?["uuid"] as? String)
            let path = "/api/v1/workflows/workflows/\(uuid)/execution/\(execution)/trigger"
            let early = try await Emu.api(server, "POST", path, token: token, json: ["parameters": ["approved": "yes"]])
            #expect(early.status == 400)
            #expect(try early.object()["code"] as? String == "EXECUTION_NOT_WAITING")
            server.advanceTime(by: .seconds(60))
            #expect(try await Self.executions(server, token, request).first?["status"] as? String == "waiting_for_trigger")
            let ok = try await Emu.api(server, "POST", path, token: token, json: ["parameters": ["approved": "yes"]])
            #expect(ok.status == 200, "\(ok.text)")
            #expect(try ok.array().first?["requestUuid"] as? String != nil)
            let again = try await Emu.api(server, "POST", path, token: token, json: [String: Any]())
            #expect(try again.object()["code"] as? String == "EXECUTION_NOT_WAITING")
            #expect(server.stats.accepted(for: .thinkletTrigger) == 1)
            server.advanceTime(by: .seconds(30))
            #expect(try await Self.executions(server, token, request).first?["status"] as? String == "success")
            let stranger = "/api/v1/workflows/workflows/\(uuid)/execution/\(Fleet.unknown)/trigger"
            #expect(try await Emu.api(server, "POST", stranger, token: token, json: [String: Any]()).object()["code"] as? String
                == "EXECUTION_NOT_FOUND")
        }
    }

    @Test func faultsApplyAndUseTheWorkflowDialect() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            server.faults.inject(.workflowExecute, .status(503))
            let r = try await Self.execute(server, token, ["workflowId": Seeded.spooler, "devices": [Fleet.docsExample]])
            #expect(r.status == 503)
            #expect(try r.object()["details"] as? String != nil)
            #expect(server.stats.accepted(for: .workflowExecute) == 0)
            server.faults.inject(.workflowList, .status(429, retryAfter: "1"))
            #expect(try await Emu.api(server, "GET", "/api/v1/workflows", token: token).status == 429)
            #expect(try await Emu.api(server, "GET", "/api/v1/workflows", token: "nope").status == 401)
            #expect(try await Emu.api(server, "DELETE", "/api/v2/workflows/execute", token: token).status == 405)
        }
    }
}
