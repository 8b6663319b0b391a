@testable import NexthinkClient
import Testing

@Suite("Request validation (pure)")
struct ValidationTests {
    let action = RemoteAction(
        id: "#set_service", targeting: Targeting(apiEnabled: true),
        scriptInfo: ScriptInfo(inputs: [
            ScriptInput(name: "StartType", options: ["Automatic", "Manual"], allowCustomValue: false),
            ScriptInput(name: "ServiceName", options: ["Spooler"], allowCustomValue: true),
            ScriptInput(name: "Note"),
        ]))

    @Test func aGoodRequestHasNoProblems() {
        let r = ExecutionRequest(remoteActionId: "#set_service", params: ["StartType": "Manual", "ServiceName": "MyService"],
                                 devices: sampleDevices + ["2BDB0941-2507-40DE-854A-3EFA1784B26B"], expiresInMinutes: 10_080,
                                 triggerInfo: TriggerInfo(reason: String(repeating: "é", count: 500)))
        #expect(r.problems(against: action).isEmpty)
    }

    @Test func everyProblemIsListedWithItsPlace() {
        let r = ExecutionRequest(remoteActionId: "#set_service", params: ["StartType": "Never", "Bogus": "1"],
                                 devices: [sampleDevices[0], "not-a-uuid", "3fa85f64-5717-4562-b3fc-2c963f66afaZ"],
                                 expiresInMinutes: 30, triggerInfo: TriggerInfo(reason: String(repeating: "r", count: 501)))
        let places = r.problems(against: action).map { "\($0)".prefix { $0 != ":" } }
        #expect(places == ["devices[1]", "devices[2]", "expiresInMinutes", "triggerInfo.reason",
                           "params.Bogus", "params.StartType"])
        let text = "\(ValidationError(problems: r.problems(against: action)))"
        #expect(text.contains("6 problems"))
        #expect(text.contains("choose one of: Automatic, Manual"))
        #expect(text.contains("takes: Note, ServiceName, StartType"))
    }

    @Test func detailsOfAnotherActionAreAProblem() {
        let r = ExecutionRequest(remoteActionId: "#other", params: ["Bogus": "1"], devices: sampleDevices)
        #expect(r.problems(against: action).map(\.description) == [
            "remoteActionId: the request is for #other but was checked against the details of #set_service",
        ])
    }

    @Test func manyBadDevicesAreSummarised() {
        let r = ExecutionRequest(remoteActionId: "#a", devices: (0..<500).map { "bad\($0)" })
        let problems = r.problems()
        #expect(problems.count == Limits.reportedDeviceProblems + 1)
        #expect(problems.last?.message.contains("480 more") == true)
    }

    @Test func deviceCountLimits() {
        #expect(ExecutionRequest(remoteActionId: "#a", devices: Array(repeating: sampleDevices[0], count: 10_000)).problems().isEmpty)
        #expect(ExecutionRequest(remoteActionId: "#a", devices: Array(repeating: sampleDevices[0], count: 10_001)).problems().count == 1)
    }

    @Test func validateThrowsAValidationError() {
        #expect(throws: ValidationError.self) {
            try ExecutionRequest(remoteActionId: "#a", devices: []).validate()
        }
    }

    @Test(arguments: ["#ExampleRA", "#get_disk_space", "#a", "#A1_b2"])
    func acceptsRemoteActionIDs(_ id: String) {
        #expect(IDRules.isRemoteActionID(id))
    }

    @Test(arguments: ["", "#", "ExampleRA", "#a b", "#a-b", "#a#b", "#é", "#" + String(repeating: "a", count: 256)])
    func rejectsRemoteActionIDs(_ id: String) {
        #expect(!IDRules.isRemoteActionID(id))
    }

    @Test func queryIDsFollowTheSpecPattern() {
        #expect(IDRules.isQueryID("#remote_action_executions_by_request"))
        #expect(IDRules.isQueryID("#ab"))
        for bad in ["#a", "#Upper", "no_hash", "#a-b", "#" + String(repeating: "a", count: 256)] {
            #expect(!IDRules.isQueryID(bad), "\(bad)")
        }
    }

    @Test func uuidShape() {
        #expect(IDRules.isUUID("3fa85f64-5717-4562-b3fc-2c963f66afa6"))
        #expect(IDRules.isUUID("3FA85F64-5717-4562-B3FC-2C963F66AFA6"))
        for bad in ["", "3fa85f64571745 62b3fc2c963f66afa6", "3fa85f64-5717-4562-b3fc-2c963f66afa", "{3fa85f64-5717-4562-b3fc-2c963f66afa6}",
                    "3fa85f64-5717-4562-b3fc-2c963f66afg6", "３fa85f64-5717-4562-b3fc-2c963f66afa6"] {
            #expect(!IDRules.isUUID(bad), "\(bad)")
        }
    }
}
