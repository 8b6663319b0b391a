/// How one command is written and what its parts mean. The parser, the printer, the evaluator,
/// the vocabulary, help and completion all read these values (see `CommandTable`), so a new
/// command is one more entry there plus its meaning in the host.
public struct CommandSpec: Sendable {
    /// The command's words: `["run"]`, or two for a command such as `["run", "workflow"]`.
    public let words: [String]
    public let operand: OperandKind
    /// Clauses may be written in any order after the operand; the printer writes them in
    /// this order, so required ones go first.
    public let clauses: [ClauseSpec]
    /// Whether the command changes anything in the service (needs consent, honours dry run).
    public let changesState: Bool
    /// One line of usage for help: `run #ACTION on DEVICES [with <...>] ...`.
    public let usage: String
    /// What the command does, in a few words.
    public let summary: String
    /// A complete example, shown in the note of "needs an argument" errors.
    public let example: String

    /// The name the host dispatches on: the words joined by a space.
    public var name: String { words.joined(separator: " ") }

    public func clause(_ word: String) -> ClauseSpec? { clauses.first { $0.word == word } }
}

/// What follows the command's words.
public enum OperandKind: Sendable, Equatable {
    case none
    /// One of a few fixed words, optional (`list windows`).
    case word([String])
    /// Any number of a few fixed words, in any order (`list workflows api active`); the host
    /// gets them as a list of strings, empty when none was written.
    case words([String])
    /// The NQL id of a remote action: `#id`, or a string to which `#` is added when missing.
    case actionID
    /// The NQL id of a workflow, written like an action id.
    case workflowID
    /// The NQL id of a campaign, written like an action id.
    case campaignID
    /// The NQL id of a saved query, written like an action id.
    case queryID
    /// Any value (`status r`).
    case value
    /// An optional count of 0 or more (`audit 5`).
    case count

    /// Commands whose operand is required: without one, their word reads as a plain name
    /// (`where status == "failure"`).
    var isRequired: Bool { isNQLID || self == .value }

    var isNQLID: Bool {
        switch self {
        case .actionID, .workflowID, .campaignID, .queryID: true
        case .none, .word, .words, .value, .count: false
        }
    }
}

/// A `word value` part of a command (`on devs`, `with <...>`, `expires 2h`).
public struct ClauseSpec: Sendable {
    public let word: String
    public let type: ClauseType
    /// For a required clause: what the error says is missing ("target devices after the action id").
    public let missing: String?

    public var isRequired: Bool { missing != nil }

    init(_ word: String, _ type: ClauseType, missing: String? = nil) {
        self.word = word
        self.type = type
        self.missing = missing
    }
}

/// What a clause's value must be; the evaluator checks and converts it before the host sees it.
public enum ClauseType: Sendable, Equatable {
    /// A list of device ids, or one id (a UUID or a string).
    case devices
    /// Targets named by ids or by records of external ids (`<name: "LAPTOP-01">`,
    /// `<upn: "a@acme.com">`): a list of them, or one. The host gets a list and decides what
    /// each element identifies.
    case targets
    /// A map whose values become strings (`<Name: "value", Count: 3>`).
    case stringMap
    case duration
    /// A duration that is a whole number of minutes; the host gets the minutes as an int.
    case minutes
    case string
    /// One of a few fixed words, written bare (`compression zstd`); the host gets it as a string.
    case word([String])
}
