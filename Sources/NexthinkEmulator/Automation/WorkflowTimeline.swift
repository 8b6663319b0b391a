/// The state of one workflow execution at an emulated instant (see docs/emulator.md,
/// "Workflow and campaign lifecycles").
///
/// A workflow that targets no one (dependency NONE) runs in the cloud: in_progress for 2–11 s,
/// then success. Otherwise, on a known online device: waiting_for_device for 5–29 s, then
/// in_progress for 5–20 s, then success (failure on a `failing` device). A workflow with a
/// "wait for event" thinklet stops in waiting_for_trigger after that first stretch until the
/// thinklet trigger call releases it, then runs 5–15 s more. Offline or unknown targets, and
/// executions never released, expire after 24 hours.
struct WorkflowTimeline {
    enum Status: String { case waitingForDevice = "waiting_for_device", inProgress = "in_progress"
        case waitingForTrigger = "waiting_for_trigger", success, failure, expired }

    var status: Status
    var details: String
    var outcome: String
    var outcomeDetails: String

    static let expiry: Double = 24 * 3600

    static func at(_ now: Double, run: WorkflowRun, execution e: WorkflowExecution, waits: Bool,
                   triggeredAt: Double?, catalogue: Catalogue) -> WorkflowTimeline {
        let h = StableHash.of(e.executionID)
        let expires = run.createdAt + expiry
        if e.inCloud { return ran(now, start: run.createdAt, runtime: 2 + Double(h % 10), failing: false, on: "the cloud") }
        guard let uid = e.deviceUID else { return waiting(now, expires, "The target is not known to the tenant yet") }
        guard let device = catalogue.device(uid: uid), device.online else {
            return waiting(now, expires, "Waiting for the device to connect")
        }
        let pickup = run.createdAt + 5 + Double(h % 25)
        if now < pickup { return .init(status: .waitingForDevice, details: "Waiting for the device to pick up the execution") }
        let firstStretch = pickup + 5 + Double((h >> 16) % 16)
        guard waits else { return ran(now, start: pickup, runtime: firstStretch - pickup, failing: device.failing, on: device.name) }
        if now < firstStretch { return .init(status: .inProgress, details: "Running the thinklets before the wait") }
        guard let released = triggeredAt, released <= now else {
            return now >= expires ? expired("No event released the execution within 24 hours")
                : .init(status: .waitingForTrigger, details: "Waiting for the event (thinklet trigger)")
        }
        return ran(now, start: released, runtime: 5 + Double((h >> 32) % 11), failing: device.failing, on: device.name)
    }

    private init(status: Status, details: String, outcome: String = "", outcomeDetails: String = "") {
        self.status = status
        self.details = details
        self.outcome = outcome
        self.outcomeDetails = outcomeDetails
    }

    private static func waiting(_ now: Double, _ expires: Double, _ why: String) -> WorkflowTimeline {
        now >= expires ? expired("The target did not connect within 24 hours") : .init(status: .waitingForDevice, details: why)
    }

    private static func expired(_ why: String) -> WorkflowTimeline {
        .init(status: .expired, details: why, outcome: "expired", outcomeDetails: why)
    }

    private static func ran(_ now: Double, start: Double, runtime: Double, failing: Bool, on place: String) -> WorkflowTimeline {
        if now < start + runtime { return .init(status: .inProgress, details: "Running the thinklets") }
        if failing {
            return .init(status: .failure, details: "A thinklet failed on \(place)", outcome: "failed",
                         outcomeDetails: "The remote action thinklet exited with code 1 on \(place)")
        }
        return .init(status: .success, details: "The workflow completed", outcome: "completed",
                     outcomeDetails: "All thinklets ran on \(place)")
    }
}
