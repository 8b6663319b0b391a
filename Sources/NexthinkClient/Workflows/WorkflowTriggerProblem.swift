/// Why a workflow cannot be triggered through the API, as its details say. The one statement
/// of that rule and its words: the request check (`WorkflowRules`), `nxsh check` and the
/// shell's refusal of `run workflow` all read `Workflow.triggerProblems`.
public struct WorkflowTriggerProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// `status` is INACTIVE.
        case inactive
        /// `triggerMethods` lacks API.
        case noAPITrigger
    }

    public let kind: Kind
    /// The workflow's NQL id, as its details give it.
    public let id: String

    /// What is wrong, naming the workflow.
    public var summary: String {
        switch kind {
        case .inactive: "\(id) is inactive"
        case .noAPITrigger: "\(id) cannot be triggered through the API"
        }
    }

    /// What to do about it in Nexthink.
    public var remedy: String {
        switch kind {
        case .inactive: "activate it in Nexthink first"
        case .noAPITrigger: "enable its API trigger in Nexthink first"
        }
    }

    public var description: String { "\(summary); \(remedy)" }
}

extension Workflow {
    /// Why it cannot be triggered through the API (empty when it can).
    public var triggerProblems: [WorkflowTriggerProblem] {
        var found: [WorkflowTriggerProblem] = []
        if status == .inactive { found.append(.init(kind: .inactive, id: id)) }
        if !isAPIEnabled { found.append(.init(kind: .noAPITrigger, id: id)) }
        return found
    }
}
