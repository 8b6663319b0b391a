/// The text of a diagnostic: a message plus `note:` lines.
struct Message: Sendable, Equatable {
    var text: String
    var notes: [String] = []
}

/// Every message the language core emits, in one place, so wording stays consistent and each one
/// is covered by a golden test (Tests/NXLanguageTests/Golden/errors).
enum Catalog {
    static let maxDepth = 200
    static let maxOperators = 5_000

    // MARK: Lexing

    static func unterminatedString() -> Message {
        Message(text: "unterminated string", notes: ["a string ends on the line where it starts; close it with '\"'"])
    }
    static func unterminatedInterpolation() -> Message {
        Message(text: "unterminated interpolation '${' in string", notes: ["close the expression with '}' before the end of the line"])
    }
    static func unknownEscape(_ character: String) -> Message {
        Message(text: "unknown escape sequence '\\\(character)' in string",
                notes: ["valid escapes are \\n \\t \\r \\\" \\\\ \\$ and \\u{hex}"])
    }
    static func invalidUnicodeEscape(_ text: String) -> Message {
        Message(text: "invalid unicode escape '\(text)'",
                notes: ["write 1 to 8 hex digits of a valid code point between braces, e.g. \\u{1F600}"])
    }
    static func invalidUUID(_ text: String) -> Message {
        Message(text: "invalid UUID literal '\(text)': expected 8-4-4-4-12 hexadecimal digits",
                notes: ["a device id looks like 3fa85f64-5717-4562-b3fc-2c963f66afa6"])
    }
    static func invalidDuration(_ text: String) -> Message {
        Message(text: "invalid duration '\(text)'",
                notes: ["write a whole number followed by s, m, h or d (30s, 90m, 2h, 7d), or combine them: 1h30m"])
    }
    static func durationUnitOrder(_ text: String) -> Message {
        Message(text: "invalid duration '\(text)': each unit may appear once, largest first",
                notes: ["write for example 1h30m (not 30m1h or 1h30m30m)"])
    }
    static func durationTooLarge(_ text: String) -> Message {
        Message(text: "duration '\(text)' is too large")
    }
    static func invalidNumber(_ text: String) -> Message {
        Message(text: "invalid number '\(text)'", notes: ["numbers are written like 42 or 3.5; names cannot start with a digit"])
    }
    static func integerTooLarge(_ text: String) -> Message {
        Message(text: "integer literal '\(text)' is too large", notes: ["the largest integer is \(Int.max)"])
    }
    static func unexpectedCharacter(_ character: String) -> Message {
        // Quoting a NUL, a zero-width space or a no-break space shows the user nothing to delete.
        if let scalar = character.unicodeScalars.first, isInvisible(scalar) {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return Message(text: "unexpected invisible character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)",
                           notes: ["delete it and retype the text around it (it is often pasted from a document or a chat)"])
        }
        return Message(text: character == "'" ? "unexpected character \"'\"" : "unexpected character '\(character)'")
    }
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .unassigned, .privateUse: true
        default: false
        }
    }
    static func invalidHash() -> Message {
        Message(text: "'#' must be followed by a name (an NQL id such as #get_battery_status) or a space (a comment)")
    }

    // MARK: Parsing

    static func expected(_ what: String, found: String) -> Message {
        Message(text: "expected \(what), found \(found)")
    }
    static func unclosed(_ closer: String, opener: String, line: Int, found: String) -> Message {
        Message(text: "expected '\(closer)' to close '\(opener)' at line \(line), found \(found)")
    }
    static func expectedExpression(found: String) -> Message {
        Message(text: "expected an expression, found \(found)")
    }
    static func expectedEndOfStatement(found: String) -> Message {
        Message(text: "expected end of statement, found \(found)",
                notes: ["write one statement per line, or separate statements with ';'"])
    }
    static func keywordAsName(_ keyword: String) -> Message {
        Message(text: "'\(keyword)' is a reserved word and cannot be used as a variable name")
    }
    static func invalidAssignmentTarget() -> Message {
        Message(text: "only a variable can be assigned with '='", notes: ["to compare values, use '=='"])
    }
    static func commandNeedsOperand(_ command: String, example: String) -> Message {
        Message(text: "'\(command)' needs an argument", notes: ["for example: \(example)"])
    }
    static func commandNeedsClause(_ command: String, what: String, example: String) -> Message {
        Message(text: "'\(command)' needs \(what)", notes: ["for example: \(example)"])
    }
    static func unknownClause(_ word: String, command: String, suggestion: String?, clauses: [String]) -> Message {
        Message(text: "unknown clause '\(word)' in '\(command)'",
                notes: didYouMean(suggestion) + ["the clauses of '\(command)' are: \(clauses.joined(separator: ", "))"])
    }
    static func unknownClauseWord(_ word: String, clause: String, suggestion: String?, choices: [String]) -> Message {
        Message(text: "unknown \(clause) '\(word)'",
                notes: didYouMean(suggestion) + ["'\(clause)' takes one of: \(choices.joined(separator: ", "))"])
    }
    static func clauseNeedsWord(_ clause: String, found: String, choices: [String]) -> Message {
        Message(text: "'\(clause)' takes one of the words \(choices.joined(separator: ", ")), found \(found)",
                notes: ["write the word bare, e.g. '\(clause) \(choices[0])'"])
    }
    static func duplicateClause(_ clause: String) -> Message {
        Message(text: "'\(clause)' is given twice in this command")
    }
    static func unknownStage(_ name: String, suggestion: String?) -> Message {
        var notes = suggestion.map { ["did you mean '\($0)'?"] } ?? []
        notes.append("pipeline stages are: \(Vocabulary.pipelineStages.joined(separator: ", "))")
        return Message(text: "unknown pipeline stage '\(name)'", notes: notes)
    }
    static func tooManyOperators() -> Message {
        Message(text: "too many operators in one statement (more than \(maxOperators))",
                notes: ["split the expression using variables"])
    }
    static func emptyInterpolation() -> Message {
        Message(text: "empty interpolation '${}' in string", notes: ["put an expression between the braces, e.g. ${r.requestId}"])
    }
    static func tooDeep() -> Message {
        Message(text: "nesting is too deep (more than \(maxDepth) levels)", notes: ["split the expression using variables"])
    }

    static func replLeadingPipe() -> Message {
        Message(text: "a line starting with '|' cannot continue an entry that already ran",
                notes: ["in the interactive shell, end the line before with '|' (list windows |) to continue a pipeline"])
    }
    static func replLeadingElse() -> Message {
        Message(text: "'else' cannot continue an 'if' that already ran",
                notes: ["in the interactive shell, write '} else {' on one line"])
    }
    static func dryRunScoped(_ how: String) -> Message {
        Message(text: "'dryrun' cannot be \(how)",
                notes: ["a dry run is set for the whole session: write `dryrun = true` at the top level, outside any block, or start nxsh with --dry-run"])
    }

    // MARK: Names

    static func unknownVariable(_ name: String, suggestion: String?) -> Message {
        Message(text: "unknown variable '\(name)'", notes: didYouMean(suggestion))
    }
    static func assignToUndeclared(_ name: String, suggestion: String?) -> Message {
        Message(text: "cannot assign to undeclared variable '\(name)'",
                notes: didYouMean(suggestion) + ["declare it first with 'let \(name) = ...'"])
    }
    static func unknownFunction(_ name: String, suggestion: String?) -> Message {
        Message(text: "unknown function '\(name)'", notes: didYouMean(suggestion))
    }
    static func argumentCount(_ function: String, expected: String, got: Int) -> Message {
        Message(text: "\(function)() takes \(expected), got \(got)")
    }
    static func argumentType(_ function: String, position: Int, expected: String, got: String) -> Message {
        Message(text: "\(function)() argument \(position) must be \(expected), got \(got)")
    }

    // MARK: Values

    static func typeMismatch(_ op: String, _ left: String, _ right: String) -> Message {
        var notes: [String] = []
        if op == "+", left == "string" || right == "string" {
            notes.append("convert with str(x) or use interpolation: \"...${x}...\"")
        }
        return Message(text: "cannot apply '\(op)' to \(left) and \(right)", notes: notes)
    }
    static func unaryMismatch(_ op: String, _ operand: String) -> Message {
        Message(text: "cannot apply '\(op)' to \(operand)")
    }
    static func divisionByZero() -> Message { Message(text: "division by zero") }
    static func integerOverflow(_ op: String) -> Message {
        Message(text: "integer overflow in '\(op)'", notes: ["integers range from \(Int.min) to \(Int.max)"])
    }
    static func indexOutOfRange(_ index: Int, count: Int, of kind: String) -> Message {
        let valid = count == 0 ? "the \(kind) is empty" : "valid indexes are 0...\(count - 1) or -\(count)...-1"
        return Message(text: "index \(index) is out of range for a \(kind) of \(count) element\(count == 1 ? "" : "s")",
                       notes: [valid])
    }
    static func cannotIndex(_ container: String, with index: String) -> Message {
        Message(text: "cannot index \(container) with \(index)")
    }
    static func fieldNotFound(_ name: String, available: [String], suggestion: String?) -> Message {
        let list = available.isEmpty ? "the record has no fields" : "available fields: \(available.joined(separator: ", "))"
        return Message(text: "no field '\(name)' in record", notes: didYouMean(suggestion) + [list])
    }
    static func fieldOnNonRecord(_ name: String, type: String) -> Message {
        var notes: [String] = []
        if type == "nql id" { notes.append("to use a field of a command's result, wrap the command in parentheses: (get #id).\(name)") }
        if type == "list" { notes.append("to take '\(name)' from every row, use: ... | pluck \(name)") }
        return Message(text: "cannot read field '\(name)' of \(type)", notes: notes)
    }
    static func notBool(_ construct: String, got: String) -> Message {
        Message(text: "\(construct) must be a bool, got \(got)", notes: ["compare explicitly, e.g. count(x) > 0"])
    }
    static func notIterable(_ type: String) -> Message {
        Message(text: "'for' needs a list to iterate over, got \(type)")
    }
    static func tooDeepValue() -> Message {
        Message(text: "value is nested too deeply (more than \(maxDepth) levels)")
    }
    static func conversion(_ text: String, to type: String) -> Message {
        Message(text: "cannot convert '\(text)' to \(type)")
    }
    static func listTooLarge() -> Message {
        Message(text: "the list would have more than \(Limits.listElements) elements",
                notes: ["lists built by a script are limited to \(Limits.listElements) elements"])
    }
    static func stringTooLarge() -> Message {
        Message(text: "the string would be larger than \(Limits.stringBytes >> 20) MiB",
                notes: ["strings built by a script are limited to \(Limits.stringBytes >> 20) MiB"])
    }
    static func notFinite(_ op: String, _ result: Double) -> Message {
        Message(text: result.isNaN ? "'\(op)' has no numeric result (not a number)" : "number overflow in '\(op)'",
                notes: ["decimal numbers range from about -1.8e308 to 1.8e308"])
    }
    static func rangeTooLarge(_ count: Int) -> Message {
        Message(text: "range() would create \(count) elements; the limit is \(Builtins.rangeLimit)")
    }

    // MARK: Statements and commands

    static func assertionFailed(_ message: String) -> Message { Message(text: "assertion failed: \(message)") }
    static func exitCodeRange(_ code: Int) -> Message {
        Message(text: "exit status \(code) is out of range", notes: ["use a value between 0 and 255"])
    }
    static func expectedType(_ what: String, expected: String, got: String) -> Message {
        Message(text: "\(what) must be \(expected), got \(got)")
    }
    /// A `.targets` clause (`run workflow ... on X users Y`) given something else.
    static func targetsExpected(_ clause: String, of command: String, got: String) -> Message {
        Message(text: "the targets after '\(clause)' in '\(command)' must be a list of ids or records, or one of them, got \(got)",
                notes: ["for example: [3fa85f64-5717-4562-b3fc-2c963f66afa6] or [<name: \"LAPTOP-01\">]"])
    }
    static func notWholeMinutes(_ clause: String, _ text: String) -> Message {
        Message(text: "'\(clause)' must be a whole number of minutes, got \(text)",
                notes: ["for example: \(clause) 90m or \(clause) 2h"])
    }
    static func parameterValue(_ key: String, type: String) -> Message {
        Message(text: "parameter '\(key)' must be a string, number or bool, got \(type)")
    }
    static func stageNeedsList(_ stage: String, got: String) -> Message {
        Message(text: "'\(stage)' needs a list, got \(got)")
    }
    static func fieldInNoRow(_ name: String, available: [String], suggestion: String?) -> Message {
        Message(text: "no row has a field '\(name)'",
                notes: didYouMean(suggestion) + [available.isEmpty ? "the rows have no fields" : "available fields: \(available.joined(separator: ", "))"])
    }
    static func sortMixed(_ first: String, _ second: String) -> Message {
        Message(text: "cannot sort values of different types (\(first) and \(second))")
    }
    static func cannotSort(_ type: String) -> Message {
        Message(text: "cannot sort by values of type \(type)", notes: ["sort by a field holding numbers, strings or durations"])
    }
    static func negativeCount(_ stage: String, _ value: Int) -> Message {
        Message(text: "'\(stage)' needs a count of 0 or more, got \(value)")
    }
    /// The host threw something it did not describe; its Swift value is internal detail.
    static func hostFailure() -> Message { Message(text: "the host failed with an unexpected internal error") }
    static func interrupted() -> Message { Message(text: "interrupted") }

    private static func didYouMean(_ suggestion: String?) -> [String] {
        suggestion.map { ["did you mean '\($0)'?"] } ?? []
    }
}

extension Message: Error {}
