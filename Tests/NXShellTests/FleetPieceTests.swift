import NXLanguage
import NexthinkClient
import Testing
@testable import NXShell

/// Small fleet pieces: device files, dry-run bodies, wait defaults.
@Suite struct FleetPieceTests {
    @Test func deviceFilesKeepLineNumbersAcrossCommentsBlanksAndCRLF() {
        let text = "# devices\r\n  a1 \r\n\r\n#b\n\tc3\nd4"
        let (lines, numbers) = LineSplitter.lines(Array(text.utf8))
        #expect(lines == ["a1", "c3", "d4"])
        #expect(numbers == [2, 5, 6])
        #expect(LineSplitter.lines([]).lines.isEmpty)
    }

    @Test func dryRunBodyIsTheClientsJSONWithLongDeviceListsElided() throws {
        let template = ExecutionRequest(remoteActionId: try NQLID("#x", .remoteAction), params: ["k": "v"], devices: [],
                                        triggerInfo: TriggerInfo(externalSource: "nxsh"))
        let (a, b) = (FleetSession.uuid(0), FleetSession.uuid(1))
        let few = DryRun.body(template, devices: [try CollectorID(a), try CollectorID(b)])
        #expect(few == ##"{"devices":["## + "\"\(a)\",\"\(b)\"" + ##"],"params":{"k":"v"},"remoteActionId":"#x","triggerInfo":{"externalSource":"nxsh"}}"##)
        let many = DryRun.body(template, devices: try (0..<25).map { try CollectorID(FleetSession.uuid($0)) })
        #expect(many.contains("\"\(FleetSession.uuid(19))\", ... 5 more]"))
        #expect(!many.contains(FleetSession.uuid(20)))
    }

    @Test func waitDefaultsToTheRunsExpiry() {
        #expect(FleetWait.defaultTimeout(.record(Record([("expiresInMinutes", .int(120))]))) == 125 * 60)
        #expect(FleetWait.defaultTimeout(.string("id")) == 65 * 60)
    }

    @Test func requestIdsComeFromRecordsStringsAndLists() throws {
        let (a, b, c) = ("3fa85f64-5717-4562-b3fc-2c963f66afa6", "2bdb0941-2507-40de-854a-3efa1784b26b",
                         "d0debb1b-fc48-4eb1-81fa-8a799b21d108")
        let run = Value.record(Record([("requestIds", .list([.string(a), .string(b)])), ("requestId", .string("ignored"))]))
        #expect(try FleetStatus.requests(in: .list([run, .uuid(c)])).map(\.id) == [a, b, c])
        #expect(throws: HostError.self) { try FleetStatus.requests(in: .string("nope")) }
        #expect(throws: HostError.self) { try FleetStatus.requests(in: .int(3)) }
    }

    @Test func aWorkflowRunIsFollowedThroughItsOwnQuery() throws {
        let (a, b) = ("3fa85f64-5717-4562-b3fc-2c963f66afa6", "2bdb0941-2507-40de-854a-3efa1784b26b")
        let workflow = Value.record(Record([("workflowId", .nqlID("#wf")), ("requestUuids", .list([.string(a)])),
                                            ("executionsUuids", .list([.string("e1"), .string("e2")])), ("deviceCount", .int(1))]))
        let requests = try FleetStatus.requests(in: .list([workflow, .string(b)]))
        #expect(requests == [FollowedRequest(id: a, kind: .workflow), FollowedRequest(id: b, kind: .remoteAction)])
        #expect(FleetStatus.expectedDevices(in: workflow) == 2)
        let dry = Value.record(Record([("dryRun", .bool(true)), ("workflowId", .nqlID("#wf"))]))
        #expect(throws: HostError.self) { try FleetStatus.requests(in: dry) }
    }

    @Test func workflowTargetsSplitIntoCallsWithinBothLimits() throws {
        let devices = try (0..<15_000).map { WorkflowTarget.device(try WorkflowDevice(collectorUid: FleetSession.uuid($0))) }
        let users = try (0..<6_000).map { WorkflowTarget.user(try WorkflowUser(sid: "S-1-5-21-1-2-3-\($0)")) }
        let batches = WorkflowRun.batches(devices + users)
        #expect(batches.map(\.range) == ["1-10000", "10001-20000", "20001-21000"])
        let workflow = Workflow(id: "#wf", versions: [WorkflowVersion(isActive: true, dependency: .userAndDevice, parameters: [])])
        for batch in batches {
            let body = WorkflowExecuteBody(workflowId: try NQLID("#wf", .workflow), targets: batch.items, params: [:], externalIDs: false)
            #expect(body.problems(against: workflow).isEmpty)
        }
        #expect(WorkflowRun.batches([]).map(\.range) == ["none"])
    }

    @Test func workflowDryRunBodyCutsEachListAfterTwenty() throws {
        let devices = try (0..<25).map { WorkflowTarget.device(try WorkflowDevice(collectorUid: FleetSession.uuid($0))) }
        let users = try (0..<22).map { WorkflowTarget.user(try WorkflowUser(sid: "S-1-5-21-1-2-3-\($0)")) }
        let run = WorkflowRun(id: try NQLID("#wf", .workflow), workflow: Workflow(id: "#wf"), params: ["a": "b"], externalIDs: false, batches: WorkflowRun.batches(devices + users),
                              deviceCount: 25, userCount: 22, duplicatesDropped: 0, trigger: TriggerInfo(externalSource: "nxsh"))
        let body = WorkflowDryRun(run: run, concurrency: 4).body(devices + users)
        #expect(body.contains("\"\(FleetSession.uuid(19))\", ... 5 more],\"params\":{\"a\":\"b\"}"))
        #expect(body.contains("\"S-1-5-21-1-2-3-19\", ... 2 more],\"workflowId\":\"#wf\""))
        #expect(!body.contains(FleetSession.uuid(20)) && !body.contains("S-1-5-21-1-2-3-20"))
    }

    @Test func apiHostNameForTheAuditLog() {
        #expect(AuditRun.host(of: "https://acme.api.eu.nexthink.cloud") == "acme.api.eu.nexthink.cloud")
        #expect(AuditRun.host(of: "http://127.0.0.1:8080/base") == "127.0.0.1:8080")
    }
}
