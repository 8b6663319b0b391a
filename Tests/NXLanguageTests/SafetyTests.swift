@testable import NXLanguage
import Testing

/// Language rules that keep scripts safe: `dryrun` cannot hide in a scope, numbers never turn
/// into inf/NaN, values have size limits, and long input gets short diagnostics.
struct SafetyTests {
    func parseErrors(_ source: String) -> [Diagnostic] {
        Parser.parse(SourceFile(name: "t.nxs", text: source)).diagnostics
    }

    @Test(arguments: [
        ("if true { let dryrun = true }", "declared inside a block", 15),
        ("for dryrun in [true] { print 1 }", "a loop variable", 5),
        ("let dryrun = false\nif true { dryrun = true }", "assigned inside a block", 11),
        ("for x in [1] {\n    if true { dryrun = true }\n}", "assigned inside a block", 15),
    ])
    func dryRunIsOnlyBoundAtTopLevel(_ source: String, _ how: String, _ column: Int) {
        let diagnostics = parseErrors(source)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message == "'dryrun' cannot be \(how)")
        #expect(diagnostics.first?.notes.first?.contains("--dry-run") == true)
        let file = SourceFile(name: "t.nxs", text: source)
        #expect(diagnostics.first.map { file.location(of: $0.span?.start ?? 0).column } == column)
    }

    @Test func dryRunAtTopLevelIsFine() {
        #expect(parseErrors("let dryrun = true\ndryrun = false\nif dryrun { print 1 }").isEmpty)
    }

    @Test(arguments: ["1e308 * 10", "-1e308 * 10", "1e308 + 1e308", "1e300 * 1e300 / 1e300", "1e308 * 10.0 - 1", "sum([1e308, 1e308])"])
    func decimalOverflowAndNaNAreErrors(_ expression: String) async {
        let (outcome, host) = await run("print \(expression)")
        #expect(outcome.exitCode == 70)
        #expect(host.lines.isEmpty)
        #expect(outcome.diagnostics.first?.message.contains("number overflow") == true
                || outcome.diagnostics.first?.message.contains("not a number") == true)
    }

    @Test func aFlatChainIsNotNesting() async {
        let (outcome, host) = await run("print 0" + String(repeating: " + 1", count: 250))
        #expect(outcome.exitCode == 0)
        #expect(host.lines == ["250"])
    }

    @Test func tooManyOperatorsIsALocatedError() {
        let diagnostics = parseErrors("print 0" + String(repeating: " + 1", count: Catalog.maxOperators + 1))
        #expect(diagnostics.first?.message.contains("too many operators") == true)
    }

    @Test func realNestingIsStillLimited() {
        let diagnostics = parseErrors("print " + String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300))
        #expect(diagnostics.first?.message.contains("nesting is too deep") == true)
    }

    @Test(arguments: ["1h30m30m", "30m1h", "1h1h", "2d3s4m"])
    func durationUnitsMustBeLargestFirstAndOnce(_ literal: String) {
        let diagnostics = parseErrors("print \(literal)")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message == "invalid duration '\(literal)': each unit may appear once, largest first")
    }

    @Test func durationsInOrderStillWork() async {
        let (_, host) = await run("print 1d2h3m4s == 93784s")
        #expect(host.lines == ["true"])
    }

    @Test func doublingAListEndsWithTheSizeLimit() async {
        let (outcome, _) = await run("let x = [1]\nfor i in range(64) { x = x + x }")
        #expect(outcome.exitCode == 70)
        #expect(outcome.diagnostics.first?.message == "the list would have more than \(Limits.listElements) elements")
    }

    @Test func joiningSharedStringsIsCheckedBeforeBuilding() async {
        let source = """
        let s = "\(String(repeating: "x", count: 1024))"
        let l = [s]
        for i in range(19) { l = l + l }
        print count(join(l))
        """
        let (outcome, _) = await run(source)
        #expect(outcome.exitCode == 70)
        #expect(outcome.diagnostics.first?.message == "the string would be larger than 256 MiB")
    }

    @Test func splitIntoTooManyPartsIsAnError() {
        let text = String(repeating: ",", count: Limits.listElements)
        #expect(throws: BuiltinError.self) { try Builtins.function(named: "split")?([.string(text), .string(",")]) }
    }

    @Test func longLinesAreWindowedInDiagnostics() {
        let source = "let x = \"" + String(repeating: "a", count: 1_000_000) + "\" +)"
        let file = SourceFile(name: "t.nxs", text: source)
        let rendered = DiagnosticRenderer.render(parseErrors(source), in: file)
        #expect(rendered.utf8.count < 1000)
        let lines = rendered.split(separator: "\n")
        #expect(lines[1].hasPrefix("…"))
        #expect(lines[1].hasSuffix("+)"))
        #expect(lines[2].count == lines[1].count)
        #expect(lines[2].hasSuffix("^"))
    }

    @Test func longMessagesAreElided() {
        let word = String(repeating: "z", count: 100_000)
        let source = "print 1\(word)"
        let rendered = DiagnosticRenderer.render(parseErrors(source), in: SourceFile(name: "t.nxs", text: source))
        #expect(rendered.utf8.count < 2000)
    }

    @Test(arguments: ["| count", "\n  | where x", "else { print 1 }"])
    func strayContinuationsInTheREPLAreExplained(_ entry: String) {
        let diagnostic = Continuation.strayContinuation(entry)
        #expect(diagnostic?.message.contains("cannot continue") == true)
        #expect(diagnostic?.notes.first?.contains("interactive shell") == true)
    }

    @Test func ordinaryEntriesAreNotStrayContinuations() {
        #expect(Continuation.strayContinuation("list | count") == nil)
        #expect(Continuation.strayContinuation("if true { 1 } else { 2 }") == nil)
    }

    @Test func parseChecksEverySourceBeforeAnyRuns() async {
        let host = TestHost()
        let interpreter = Interpreter(host: host)
        let programs = ["print 1", "print ("].map { Interpreter.parse(SourceFile(name: "-e", text: $0)) }
        #expect(programs[0].diagnostics.isEmpty)
        #expect(programs[1].diagnostics.count == 1)
        let outcome = await interpreter.run(programs[1])
        #expect(outcome.exitCode == 65)
        #expect(host.lines.isEmpty)
    }
}
