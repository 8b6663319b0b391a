@testable import NXLanguage
import Testing

@Suite struct CommandTableTests {
    @Test func namesAndClauseWordsAreUnique() {
        let names = CommandTable.all.map(\.name)
        #expect(Set(names).count == names.count)
        for spec in CommandTable.all {
            #expect(Set(spec.clauses.map(\.word)).count == spec.clauses.count, "\(spec.name) repeats a clause")
            #expect(!spec.usage.isEmpty && !spec.summary.isEmpty)
        }
    }

    /// Each example in the table parses as that command and prints back unchanged.
    @Test(arguments: CommandTable.all.map(\.name))
    func exampleParsesAsItsCommand(_ name: String) throws {
        let spec = try #require(CommandTable.spec(named: name))
        let (statements, diagnostics) = Parser.parse(SourceFile(name: "t", text: spec.example))
        #expect(diagnostics.isEmpty)
        guard case .expression(let expr)? = statements.first?.kind, case .command(let call) = expr.kind else {
            Issue.record("\(spec.example) is not a command")
            return
        }
        #expect(call.spec.name == name)
        #expect(Printer.print(statements) == spec.example)
    }

    /// Tools pick the catalogue an `#id` is checked against by the operand kind, so a command
    /// about workflows or campaigns declares its kind of id.
    @Test func workflowAndCampaignCommandsDeclareTheirKindOfID() {
        for spec in CommandTable.all where spec.operand.isNQLID {
            let expected: OperandKind? = spec.words.contains("workflow") ? .workflowID
                : spec.words.contains("campaign") ? .campaignID : nil
            if let expected {
                #expect(spec.operand == expected, "\(spec.name)")
            } else {
                #expect(spec.operand == .actionID || spec.operand == .queryID, "\(spec.name)")
            }
        }
    }

    @Test func onlyTheCommandsThatSendChangesChangeState() {
        #expect(CommandTable.all.filter(\.changesState).map(\.name) == ["run", "run workflow", "run campaign", "enrich", "delete devices"])
    }

    /// The longest match wins, and a one-word command keeps its own operand words.
    @Test(arguments: [
        ("list", "list", nil), ("list windows", "list", "windows"), ("list macos", "list", "macos"),
        ("list workflows", "list workflows", nil), ("list workflows api", "list workflows", "api"),
        ("list workflows user_and_device api active", "list workflows", "user_and_device api active"),
        ("list campaigns", "list campaigns", nil),
        ("get #x", "get", "#x"), ("get workflow #wf_restart_spooler", "get workflow", "#wf_restart_spooler"),
    ] as [(String, String, String?)])
    func picksTheLongestCommand(_ source: String, _ name: String, _ operand: String?) throws {
        let (statements, diagnostics) = Parser.parse(SourceFile(name: "t", text: source))
        #expect(diagnostics.isEmpty)
        guard case .expression(let expr)? = statements.first?.kind, case .command(let call) = expr.kind else {
            Issue.record("\(source) is not a command")
            return
        }
        #expect(call.spec.name == name)
        #expect(call.operand.map(operandText) == operand)
        #expect(Printer.print(statements) == source)
    }

    /// A `.words` operand is a literal list of its words, a `.word` operand a literal string.
    private func operandText(_ expr: Expr) -> String {
        switch expr.kind {
        case .literal(.list(let words)): words.map(ValueFormatter.text).joined(separator: " ")
        case .literal(.string(let word)): word
        default: Printer.print(expr, at: .unary)
        }
    }

    /// Filter words only follow `list workflows`; elsewhere they are names.
    @Test func filterWordsAfterListAreNotOperands() {
        let (_, diagnostics) = Parser.parse(SourceFile(name: "t", text: "list api"))
        #expect(!diagnostics.isEmpty)
        let (_, fine) = Parser.parse(SourceFile(name: "t", text: "let api = 1\nprint api"))
        #expect(fine.isEmpty)
    }
}
