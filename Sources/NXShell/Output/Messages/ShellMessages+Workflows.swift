import NXLanguage
import NexthinkClient

/// Messages of the workflow and campaign commands.
extension ShellMessages {
    static func conflictingFilters(_ kind: String, _ words: [String]) -> String {
        "'list workflows' takes at most one \(kind), got \(words.joined(separator: " and "))"
    }

    static let triggerMethodFilter = "trigger method"
    static let dependencyFilter = "dependency"

    static let filterNote = "the API filters on one trigger method and one dependency per call; "
        + "for more, filter the list: list workflows | where ..."

    static func unknownWorkflow(_ id: String) -> String { "unknown workflow '\(id)'" }

    static let listNote = "`list workflows` shows every workflow"
}

/// `run workflow`: targets, checks, confirmation, dry run.
extension ShellMessages {
    static func targetProblem(_ clause: String, _ index: Int, _ place: ListOrigin.Place?, _ message: String) -> String {
        "invalid \(clause == "on" ? "device" : "user") \(devicePosition(index, place)): \(message)"
    }

    static func invalidTargets(_ count: Int, of total: Int) -> String {
        "\(count) invalid targets of \(total); nothing was sent"
    }

    static let targetsNote = "devices are Collector UUIDs or records <name: ..., uid: ..., collectorUid: ...>; "
        + "users are SIDs or records <sid: ..., upn: ..., uid: ...>"

    static func unknownTargetField(_ key: String, device: Bool, allowed: [String]) -> String {
        "unknown field '\(key)' in a \(device ? "device" : "user"); name one by \(allowed.joined(separator: ", "))"
    }

    static func targetFieldType(_ key: String, _ type: String) -> String { "'\(key)' must be a string, got \(type)" }

    static func targetType(_ type: String, device: Bool) -> String {
        device ? "a device is a Collector UUID or a record such as <name: \"LAPTOP-01\">, got \(type)"
            : "a user is a SID or a record such as <upn: \"a@acme.com\">, got \(type)"
    }

    static func duplicateTargetsDropped(_ n: Int, unique: Int) -> String {
        "nxsh: dropped \(n) duplicate target\(n == 1 ? "" : "s") (\(unique) unique)"
    }

    /// A `.noAPITrigger` problem, in the client's words (`WorkflowTriggerProblem`).
    static func workflowNotAPIEnabled(_ problem: WorkflowTriggerProblem) -> String { "workflow \(problem.summary)" }

    static func workflowNotAPIEnabledNote(_ problem: WorkflowTriggerProblem) -> String {
        "its triggerMethods do not include API; \(problem.remedy)"
    }

    static func invalidWorkflowRequest(_ id: String, problems count: Int) -> String {
        "cannot run workflow \(id): \(count) problem\(count == 1 ? "" : "s") in the request, nothing was sent"
    }

    static let workflowRefusal = "workflows cannot be run"

    /// `3 devices and 2 users`, `1 device`, `no one` (a workflow with dependency NONE).
    static func targetCount(devices: Int, users: Int) -> String {
        func n(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
        switch (devices, users) {
        case (0, 0): return "no one"
        case (_, 0): return n(devices, "device")
        case (0, _): return n(users, "user")
        default: return n(devices, "device") + " and " + n(users, "user")
        }
    }

    static func workflowPrompt(_ workflow: (id: String, name: String), targets: String, batches: Int, params: [String: String], reason: String?) -> String {
        var lines = ["About to run workflow \(workflow.id) (\(workflow.name)) on \(targets)" + (batches > 1 ? " in \(batches) batches" : "")]
        for key in params.keys.sorted() { lines.append("  \(key) = \(params[key] ?? "")") }
        if let reason { lines.append("  reason: \(reason)") }
        lines.append("Proceed? [y/N] ")
        return lines.joined(separator: "\n")
    }

    static func workflowDryRunHead(_ workflow: (id: String, name: String), targets: String, batches: Int, concurrency: Int) -> String {
        "dry run: would run workflow \(workflow.id) (\(workflow.name)) on \(targets) in \(batches) batch\(batches == 1 ? "" : "es") "
            + "(up to \(concurrency) at a time); nothing was sent"
    }
}
