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
                                 devices: sampleDevices,
                                 expiresInMinutes: 30, triggerInfo: TriggerInfo(reason: String(repeating: "r", count: 501)))
        let places = r.problems(against: action).map { "\($0)".prefix { $0 != ":" } }
        #expect(places == ["expiresInMinutes", "triggerInfo.reason", "params.Bogus", "params.StartType"])
        let text = "\(ValidationError(problems: r.problems(against: action)))"
        #expect(text.contains("4 problems"))
        #expect(text.contains("choose one of: Automatic, Manual"))
        #expect(text.contains("takes: Note, ServiceName, StartType"))
    }

    @Test func detailsOfAnotherActionAreAProblem() {
        let r = ExecutionRequest(remoteActionId: "#other", params: ["Bogus": "1"], devices: sampleDevices)
        #expect(r.problems(against: action).map(\.description) == [
            "remoteActionId: the request is for #other but was checked against the details of #set_service",
        ])
    }

    /// The API rule is stated once, on the action: the request check reports exactly its
    /// problems, in its words, under `remoteActionId`, before the parameters.
    @Test func triggerProblemsComeFromTheActionAlone() {
        var blocked = action
        blocked.targeting.apiEnabled = false
        #expect(blocked.triggerProblems.map(\.kind) == [.notAPIEnabled])
        #expect(blocked.triggerProblems.map(\.description) == ["#set_service is not enabled for the API; enable API targeting in Nexthink first"])
        let r = ExecutionRequest(remoteActionId: "#set_service", params: ["Bogus": "1"], devices: sampleDevices)
        #expect(r.problems(against: blocked).map(\.description) == [
            "remoteActionId: #set_service is not enabled for the API; enable API targeting in Nexthink first",
            "params.Bogus: unknown parameter; #set_service takes: Note, ServiceName, StartType",
        ])
        #expect(action.triggerProblems.isEmpty)
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
}
