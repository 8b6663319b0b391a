/// One evaluated command, as the host receives it: the operand and clause values are already
/// checked against the command's `CommandSpec` and converted (an NQL id always starts with `#`,
/// `expires` is in minutes, a `with` map holds strings), and every part keeps its span so the
/// host can point an error at the clause at fault.
public struct CommandInvocation: Sendable, Equatable {
    /// `CommandSpec.name`: `run`, `list`...
    public var name: String
    /// `nil` when the command was written without one.
    public var operand: Value?
    /// Values by clause word; absent clauses are absent.
    public var clauses: [String: Value]
    public var spans: InvocationSpans
    /// The session settings in force when the command ran: the values of the top-level-only
    /// globals (`dryrun`), read by the evaluator at the call, so a host never needs a way
    /// back into the interpreter. Absent when the script never defined one.
    public var settings: [String: Value]

    public init(name: String, operand: Value? = nil, clauses: [String: Value] = [:], spans: InvocationSpans,
                settings: [String: Value] = [:]) {
        self.name = name
        self.operand = operand
        self.clauses = clauses
        self.spans = spans
        self.settings = settings
    }

    /// The operand of an NQL-id or word command as text (`#get_battery_status`, `windows`).
    public var operandText: String? {
        switch operand {
        case .nqlID(let text)?, .string(let text)?: text
        default: nil
        }
    }

    /// The operand of a `.words` command (`list workflows api active`); empty when none.
    public var words: [String] {
        guard case .list(let elements)? = operand else { return [] }
        return elements.compactMap { if case .string(let word) = $0 { word } else { nil } }
    }

    /// The operand of a count command (`audit 5`).
    public var count: Int? {
        if case .int(let count)? = operand { return count }
        return nil
    }

    public func text(_ word: String) -> String? {
        if case .string(let text)? = clauses[word] { return text }
        return nil
    }

    public func int(_ word: String) -> Int? {
        if case .int(let value)? = clauses[word] { return value }
        return nil
    }

    public func seconds(_ word: String) -> Int? {
        if case .duration(let seconds)? = clauses[word] { return seconds }
        return nil
    }

    /// A `.stringMap` clause; empty when the clause is absent.
    public func strings(_ word: String) -> [String: String] {
        guard case .record(let record)? = clauses[word] else { return [:] }
        var strings: [String: String] = [:]
        for (key, value) in record.fields { if case .string(let text) = value { strings[key] = text } }
        return strings
    }

    /// A `.devices` clause: always a list (one id becomes a list of one), with the places of
    /// its elements when they came from a file.
    public func list(_ word: String) -> ValueList {
        if case .list(let elements)? = clauses[word] { return elements }
        return []
    }
}

/// Where each part of a command was written.
public struct InvocationSpans: Sendable, Equatable {
    public var statement: SourceSpan
    public var operand: SourceSpan?
    public var clauses: [String: ClauseSpans]

    public init(statement: SourceSpan, operand: SourceSpan? = nil, clauses: [String: ClauseSpans] = [:]) {
        self.statement = statement
        self.operand = operand
        self.clauses = clauses
    }

    /// The value of a clause, or the statement when the clause was not written.
    public func clause(_ word: String) -> SourceSpan { clauses[word]?.value ?? statement }
}

public struct ClauseSpans: Sendable, Equatable {
    public var word: SourceSpan
    public var value: SourceSpan
    /// One span per element of a `.devices` list: the element's own in a literal list, the
    /// whole value's otherwise.
    public var elements: [SourceSpan]
    /// For a `.stringMap` written as a literal map: the span of each key.
    public var keys: [String: SourceSpan]

    public init(word: SourceSpan, value: SourceSpan, elements: [SourceSpan] = [], keys: [String: SourceSpan] = [:]) {
        self.word = word
        self.value = value
        self.elements = elements
        self.keys = keys
    }

    /// The span of element `index`, or of the whole value.
    public func element(_ index: Int) -> SourceSpan { elements.indices.contains(index) ? elements[index] : value }
    /// The span of map key `key`, or of the whole value.
    public func key(_ key: String) -> SourceSpan { keys[key] ?? value }
}
