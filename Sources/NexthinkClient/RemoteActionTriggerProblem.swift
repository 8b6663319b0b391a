/// Why a remote action cannot be executed through the API, as its details say. The one
/// statement of that rule and its words: the request check (`ExecutionRequest.problems`),
/// `nxsh check` and the shell's refusal of `run` all read `RemoteAction.triggerProblems`.
public struct RemoteActionTriggerProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// `targeting.apiEnabled` is false.
        case notAPIEnabled
    }

    public let kind: Kind
    /// The action's NQL id, as its details give it.
    public let id: String

    /// What is wrong, naming the action.
    public var summary: String {
        switch kind {
        case .notAPIEnabled: "\(id) is not enabled for the API"
        }
    }

    /// What to do about it in Nexthink.
    public var remedy: String {
        switch kind {
        case .notAPIEnabled: "enable API targeting in Nexthink first"
        }
    }

    public var description: String { "\(summary); \(remedy)" }
}

extension RemoteAction {
    /// Why it cannot be executed through the API (empty when it can).
    public var triggerProblems: [RemoteActionTriggerProblem] {
        targeting.apiEnabled ? [] : [.init(kind: .notAPIEnabled, id: id)]
    }
}
