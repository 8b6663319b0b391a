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

    @Test func onlyRunChangesState() {
        #expect(CommandTable.all.filter(\.changesState).map(\.name) == ["run"])
    }
}
