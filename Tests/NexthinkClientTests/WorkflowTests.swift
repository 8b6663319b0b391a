import Foundation
@testable import NexthinkClient
import NexthinkEmulator
import Testing

@Suite("Workflows against the emulator")
struct WorkflowTests {
    static let sid: UserSID = "S-1-5-21-1-2-3-1001"
    let v1 = WorkflowExecutionRequest(workflowId: "#wf_restart_spooler", devices: sampleDevices, params: ["reason": "stuck queue"])

    @Test func listSendsOnlyTheFiltersAskedForAndDecodesTolerantly() async throws {
        let recorder = Recorder()
        try await withEmulator(recorder: recorder) { _, client in
            let all = try await client.listWorkflows()
            #expect(all.count >= 8)
            let spooler = try #require(all.first { $0.id == "#wf_restart_spooler" })
            #expect(spooler.isAPIEnabled && spooler.triggerMethods.contains(.manual))
            #expect(spooler.dependency == .device)
            #expect(spooler.declaredParameters == ["reason"])
            let filtered = try await client.listWorkflows(filter: .init(dependency: .device, triggerMethod: .api, onlyActive: true))
            #expect(filtered.map(\.id) == ["#wf_restart_spooler"])
            let urls = recorder.events.map(\.url).filter { $0.contains("/api/v1/workflows") }
            #expect(urls.first?.hasSuffix("/api/v1/workflows") == true)
            #expect(urls.last?.hasSuffix("?dependency=DEVICE&triggerMethod=API&fetchOnlyActiveWorkflows=true") == true)
        }
    }

    @Test func documentedSelfReferencingShapesStillDecode() throws {
        let json = ##"[{"id":"#w","uuid":"u","name":"n","description":"d","status":"ACTIVE","lastUpdateTime":"t","##
            + ##""triggerMethods":["API","SCHEDULER"],"versions":[{"id":"x"}, 7]}]"##
        let decoded = try JSONDecoder().decode([Workflow].self, from: Data(json.utf8))
        #expect(decoded.first?.triggerMethods == [.api, .scheduler])
        #expect(decoded.first?.versions.count == 2)
        #expect(decoded.first?.declaredParameters == nil)
    }

    @Test func detailsOfAnUnknownWorkflowIsNotFound() async throws {
        try await withEmulator { _, client in
            #expect(try await client.workflow(id: "#wf_onboarding").dependency == .userAndDevice)
            let error = try #require(await nexthinkError { try await client.workflow(id: "#wf_nope") })
            #expect(error.kind == .notFound)
            #expect(error.hint?.contains("list them") == true)
        }
    }

    @Test func executeV1ThenExecutionsThroughNQLWithSourceHeader() async throws {
        let recorder = Recorder()
        try await withEmulator(recorder: recorder) { server, client in
            let workflow = try await client.workflow(id: v1.workflowId)
            let accepted = try await client.executeWorkflow(v1, against: workflow, source: "nxsh-tests")
            #expect(accepted.executionsUuids.count == 1)
            #expect(server.stats.accepted(for: .workflowExecute) == 1)
            let post = try #require(recorder.events.first { $0.method == "POST" && $0.url.hasSuffix("/api/v1/workflows/execute") })
            #expect(post.requestHeaders.contains { $0.name == "Source" && $0.value == "nxsh-tests" })
            let rows = try await client.executeNQL(queryID: "#workflow_executions_by_request",
                                                   parameters: ["request_id": accepted.requestUuid])
            #expect(rows.data.first?["workflow.nql_id"] == .string(v1.workflowId.text))
            #expect(rows.data.first?["execution_id"] == .string(accepted.executionsUuids[0]))
        }
    }

    @Test func executeV2ByUPNAndDeviceName() async throws {
        try await withEmulator { server, client in
            let request = WorkflowTargetsRequest(workflowId: "#wf_onboarding", devices: [try WorkflowDevice(name: "MAC-01")],
                                                 users: [try WorkflowUser(upn: "a@acme.com")])
            let accepted = try await client.executeWorkflow(request, against: try await client.workflow(id: "#wf_onboarding"))
            #expect(accepted.executionsUuids.count == 2)
            #expect(server.stats.requests(for: .workflowExecute) == 1)
        }
    }

    static let invalid: [(WorkflowExecutionRequest, String)] = [
        (.init(workflowId: "#wf_restart_spooler"), "devices"),
        (.init(workflowId: "#wf_restart_spooler", devices: Array(repeating: sampleDevices[0], count: 10_001)), "devices"),
        (.init(workflowId: "#wf_restart_spooler", users: Array(repeating: sid, count: 10_001)), "users"),
        (.init(workflowId: "#wf_restart_spooler", devices: sampleDevices, params: ["ticket": "x"]), "params.ticket"),
    ]

    @Test(arguments: 0..<4)
    func invalidRequestsAreListedAndNeverSent(_ index: Int) async throws {
        let (bad, place) = Self.invalid[index]
        try await withEmulator { server, client in
            let workflow = try await client.workflow(id: "#wf_restart_spooler")
            let error = try #require(await nexthinkError { try await client.executeWorkflow(bad, against: workflow) })
            #expect(error.kind == .validation)
            #expect(error.problems.contains { $0.description.hasPrefix(place + ":") }, "\(error)")
            #expect("\(error)".contains("nothing was sent"))
            #expect(server.stats.requests(for: .workflowExecute) == 0)
        }
    }

    /// The records are checked when made (CheckedIDTests); the header is checked before sending.
    @Test func v2SourceIsCheckedBeforeSending() async throws {
        try await withEmulator { server, client in
            let request = WorkflowTargetsRequest(workflowId: "#wf_onboarding", devices: [try WorkflowDevice(name: "MAC-01")],
                                                 users: [try WorkflowUser(upn: "a@acme.com")])
            let error = try #require(await nexthinkError { try await client.executeWorkflow(request, source: "a\r\nX-Evil: 1") })
            #expect(error.problems.map(\.field) == ["Source"])
            #expect(server.stats.requests(for: .workflowExecute) == 0)
        }
    }

    @Test func workflowErrorBodiesAreDecoded() async throws {
        try await withEmulator { server, client in
            let unknown = try #require(await nexthinkError {
                try await client.executeWorkflow(WorkflowExecutionRequest(workflowId: "#wf_nope", devices: sampleDevices))
            })
            #expect(unknown.kind == .notFound)
            #expect(unknown.code == "WORKFLOW_NOT_FOUND")
            #expect(unknown.message.contains("no workflow with id"))
            let scheduled = try #require(await nexthinkError {
                try await client.executeWorkflow(WorkflowExecutionRequest(workflowId: "#wf_disk_cleanup", devices: sampleDevices))
            })
            #expect(scheduled.kind == .forbidden)
            #expect(scheduled.hint?.contains("API trigger") == true)
            #expect(server.stats.accepted(for: .workflowExecute) == 0)
        }
    }

    @Test(arguments: [Fault.status(500, retryAfter: nil), .dropConnection])
    func executeIsNotRetriedWhenTheServiceMayHaveActed(_ fault: Fault) async throws {
        try await withEmulator { server, client in
            _ = try await client.token()
            server.faults.inject(.workflowExecute, fault)
            let error = try #require(await nexthinkError { try await client.executeWorkflow(v1) })
            #expect(error.kind == .outcomeUnknown)
            #expect(error.hint?.contains("workflow.executions") == true)
            #expect(server.stats.requests(for: .workflowExecute) == 1)
            #expect(server.stats.accepted(for: .workflowExecute) == (fault == .dropConnection ? 1 : 0))
        }
    }

    @Test func executeIsRetriedAfter429() async throws {
        let recorder = Recorder()
        try await withEmulator(recorder: recorder) { server, client in
            server.faults.inject(.workflowExecute, .status(429, retryAfter: "2"))
            _ = try await client.executeWorkflow(v1)
            #expect(recorder.sleeps == [.seconds(2)])
            #expect(server.stats.requests(for: .workflowExecute) == 2)
            #expect(server.stats.accepted(for: .workflowExecute) == 1)
        }
    }

    @Test func thinkletTriggerReleasesTheWaitAndIsNotRetriedAfterADrop() async throws {
        var options = EmulatorOptions()
        options.timeScale = 600
        try await withEmulator(options) { server, client in
            let workflow = try await client.workflow(id: "#wf_software_approval")
            let accepted = try await client.executeWorkflow(
                WorkflowExecutionRequest(workflowId: try NQLID(workflow.id, .workflow), users: [Self.sid], params: ["software": "7-Zip"]), against: workflow)
            server.advanceTime(by: .seconds(60))
            let execution = accepted.executionsUuids[0]
            server.faults.inject(.thinkletTrigger, .dropConnection)
            let dropped = try #require(await nexthinkError {
                try await client.triggerThinklet(workflowUUID: workflow.uuid, executionUUID: execution, parameters: ["approved": "yes"])
            })
            #expect(dropped.kind == .outcomeUnknown)
            #expect(server.stats.requests(for: .thinkletTrigger) == 1)
            #expect(server.stats.accepted(for: .thinkletTrigger) == 1)
            let again = try #require(await nexthinkError {
                try await client.triggerThinklet(workflowUUID: workflow.uuid, executionUUID: execution)
            })
            #expect(again.kind == .invalidRequest)
            #expect(again.code == "EXECUTION_NOT_WAITING")
            let bad = try #require(await nexthinkError { try await client.triggerThinklet(workflowUUID: "x", executionUUID: execution) })
            #expect(bad.kind == .validation)
        }
    }

    /// The trigger rule is stated once, on the workflow: the request check reports exactly its
    /// problems, in its words, under `workflowId`.
    @Test func triggerProblemsComeFromTheWorkflowAlone() throws {
        let blocked = Workflow(id: "#wf_old", status: .inactive, triggerMethods: [.manual])
        #expect(blocked.triggerProblems.map(\.kind) == [.inactive, .noAPITrigger])
        #expect(blocked.triggerProblems.map(\.description) == ["#wf_old is inactive; activate it in Nexthink first",
                                                               "#wf_old cannot be triggered through the API; enable its API trigger in Nexthink first"])
        let request = WorkflowExecutionRequest(workflowId: "#wf_old", devices: ["3fa85f64-5717-4562-b3fc-2c963f66afa6"])
        #expect(request.problems(against: blocked) == blocked.triggerProblems.map { .init(field: "workflowId", message: $0.description) })
        #expect(Workflow(id: "#wf_ok").triggerProblems.isEmpty)
    }
}
