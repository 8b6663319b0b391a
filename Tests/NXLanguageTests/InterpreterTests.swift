@testable import NXLanguage
import Testing

func run(_ source: String, host: TestHost = TestHost()) async -> (RunOutcome, TestHost) {
    let interpreter = Interpreter(host: host)
    let outcome = await interpreter.run(SourceFile(name: "t.nxs", text: source))
    return (outcome, host)
}

struct InterpreterTests {
    @Test func variablesPersistAcrossRunsAndUnderscoreHoldsLastShown() async {
        let host = TestHost()
        let interpreter = Interpreter(host: host)
        await interpreter.define("args", .list([.string("a")]))
        _ = await interpreter.run(SourceFile(name: "<repl>", text: "let x = 40"))
        let shown = await interpreter.run(SourceFile(name: "<repl>", text: "x + 2"))
        #expect(shown == RunOutcome(lastValue: .int(42)))
        let again = await interpreter.run(SourceFile(name: "<repl>", text: "_ * 2"))
        #expect(again.lastValue == .int(84))
        #expect(await interpreter.variableNames == ["_", "args", "x"])
        #expect(await interpreter.value(of: "x") == .int(40))
        #expect(host.lines == ["42", "84"])
    }

    @Test func parseErrorRunsNothing() async {
        let (outcome, host) = await run("print \"side effect\"\nrun #get_battery_status on [")
        #expect(outcome.exitCode == 65)
        #expect(host.lines.isEmpty)
        #expect(host.commands.isEmpty)
    }

    @Test func exitZeroIsReportedAsAnExit() async {
        let (outcome, host) = await run("print 1\nif true { exit 0 }\nprint 2")
        #expect(outcome.exited && outcome.exitCode == 0)
        #expect(host.lines == ["1"])
        let (finished, _) = await run("print 1")
        #expect(!finished.exited)
    }

    @Test func runtimeErrorKeepsEarlierEffects() async {
        let (outcome, host) = await run("print 1\nprint 1 / 0\nprint 2")
        #expect(outcome.exitCode == 70)
        #expect(host.lines == ["1"])
        #expect(outcome.diagnostics.map(\.message) == ["division by zero"])
    }

    @Test func runBuildsTheHostCommand() async throws {
        let source = """
        run #set_service_start_type on [2bdb0941-2507-40de-854a-3efa1784b26b, "d0debb1b-fc48-4eb1-81fa-8a799b21d108"] \
        with <StartType: "Automatic", Count: 3, On: true> expires 2h reason "printer queue stuck" ref "INC0012345"
        """
        let (outcome, host) = await run(source)
        #expect(outcome.exitCode == 0)
        let command = try #require(host.commands.first)
        #expect(command.name == "run")
        #expect(command.operandText == "#set_service_start_type")
        #expect(command.list("on") == [.uuid("2bdb0941-2507-40de-854a-3efa1784b26b"), .string("d0debb1b-fc48-4eb1-81fa-8a799b21d108")])
        let file = SourceFile(name: "t", text: source)
        #expect(command.spans.clauses["on"]?.elements.map(file.text(of:))
            == ["2bdb0941-2507-40de-854a-3efa1784b26b", "\"d0debb1b-fc48-4eb1-81fa-8a799b21d108\""])
        #expect(command.strings("with") == ["StartType": "Automatic", "Count": "3", "On": "true"])
        #expect(command.int("expires") == 120)
        #expect(command.text("reason") == "printer queue stuck")
        #expect(command.text("ref") == "INC0012345")
    }

    @Test func invocationCarriesTheSpanOfEachPart() async throws {
        let source = "run #x on [] with <Mode: \"a\", Level: 2> expires 1m reason \"r\""
        let (_, host) = await run(source)
        let command = try #require(host.commands.first)
        let file = SourceFile(name: "t", text: source)
        #expect(command.spans.operand.map(file.text(of:)) == "#x")
        #expect(file.text(of: command.spans.clause("on")) == "[]")
        #expect(command.spans.clauses["with"].map { file.text(of: $0.key("Level")) } == "Level")
        #expect(command.spans.clauses["expires"].map { file.text(of: $0.word) } == "expires")
        #expect(file.text(of: command.spans.clause("expires")) == "1m")
        #expect(file.text(of: command.spans.clause("ref")) == source, "an absent clause falls back to the statement")
    }

    @Test func singleDeviceAndVariableListsGetTheExpressionSpan() async throws {
        let source = "let devs = [2bdb0941-2507-40de-854a-3efa1784b26b]\nrun #get_battery_status on devs"
        let (_, host) = await run(source)
        let command = try #require(host.commands.first)
        let file = SourceFile(name: "t", text: source)
        #expect(command.spans.clauses["on"]?.elements.map(file.text(of:)) == ["devs"])
    }

    @Test func otherCommandsMapToHostCommands() async {
        let (_, host) = await run("""
        token
        list macos
        get "ExampleRA"
        status "abc"
        wait "abc" timeout 1m
        query #devices_by_name with <name: "PC">
        audit 3
        """)
        let commands = host.commands
        #expect(commands.map(\.name) == ["token", "list", "get", "status", "wait", "query", "audit"])
        #expect(commands.map(\.operand) == [nil, .string("macos"), .nqlID("#ExampleRA"), .string("abc"), .string("abc"),
                                              .nqlID("#devices_by_name"), .int(3)])
        #expect(commands[4].seconds("timeout") == 60)
        #expect(commands[5].strings("with") == ["name": "PC"])
    }

    @Test func hostErrorsKeepTheirExitCodeAndSpan() async throws {
        let (outcome, _) = await run("run #missing on [2bdb0941-2507-40de-854a-3efa1784b26b]")
        #expect(outcome.exitCode == 69)
        let diagnostic = try #require(outcome.diagnostics.first)
        #expect(diagnostic.span == SourceSpan(start: 0, end: 54))
        #expect(diagnostic.notes == ["list the available actions with: list"])
    }

    @Test func exitAndAssert() async {
        #expect(await run("exit 7").0.exitCode == 7)
        #expect(await run("exit").0.exitCode == 0)
        let (failed, _) = await run("assert 1 > 2, \"math\"")
        #expect(failed.exitCode == 70)
        #expect(failed.diagnostics.first?.message == "assertion failed: math")
        #expect(failed.diagnostics.first?.span == SourceSpan(start: 7, end: 12))
    }

    @Test func cancellationStopsALoop() async {
        let interpreter = Interpreter(host: TestHost())
        let task = Task {
            await interpreter.run(SourceFile(name: "t", text: "for i in range(1000000) { for j in range(1000) { let k = j } }"))
        }
        try? await Task.sleep(for: .milliseconds(50))
        task.cancel()
        let outcome = await task.value
        #expect(outcome.exitCode == 130)
        #expect(outcome.diagnostics.map(\.message) == ["interrupted"])
        let after = await interpreter.run(SourceFile(name: "t", text: "1 + 1"))
        #expect(after.lastValue == .int(2))
    }

    @Test func overflowIsADiagnosticNotATrap() async {
        for source in ["9223372036854775807 + 1", "-9223372036854775807 - 2", "9223372036854775807 * 2",
                       "-(-9223372036854775807 - 1)", "(-9223372036854775807 - 1) / -1", "(-9223372036854775807 - 1) % -1",
                       "9223372036854775807s + 1s", "[1][-9223372036854775807 - 1]", "int(1e300)", "range(-9223372036854775807, 9223372036854775807)"] {
            let (outcome, _) = await run(source)
            #expect(outcome.exitCode == 70, "\(source)")
        }
    }

    @Test func equalitySemantics() async {
        let (outcome, host) = await run("""
        print 2bdb0941-2507-40de-854a-3efa1784b26b == "2BDB0941-2507-40DE-854A-3EFA1784B26B"
        print #x == "#x", 1 == 1.0, <a: 1, b: 2> == <b: 2, a: 1>, [1] == [1.0], null == false
        """)
        #expect(outcome.exitCode == 0)
        #expect(host.lines == ["true", "true true true true false"])
    }
}

struct ContinuationTests {
    static let cases: [(String, Bool)] = [
        ("print 1", false),
        ("let devs = [", true),
        ("let devs = [\n  2bdb0941-2507-40de-854a-3efa1784b26b,", true),
        ("let devs = [1]", false),
        ("if x {", true),
        ("if x { print 1 } else", true),
        ("f(1,", true),
        ("let p = <a: 1,", true),
        ("1 +", true),
        ("list |", true),
        ("x and", true),
        ("print \"open", false),
        ("print )", false),
        ("let = 1", false),
        ("", false),
        ("// just a comment", false),
    ]

    @Test(arguments: cases)
    func incomplete(_ text: String, _ expected: Bool) {
        #expect(Continuation.isIncomplete(text) == expected)
    }

    @Test func vocabularyListsCommandsAndFunctions() {
        #expect(Vocabulary.commands == ["token", "list", "list workflows", "list campaigns", "get", "get workflow", "run", "run workflow", "run campaign", "status", "wait", "query", "audit", "export",
                                       "enrich", "delete devices"])
        #expect(Set(["count", "keys", "upper", "lower", "split", "join"]).isSubset(of: Vocabulary.functions))
        #expect(Vocabulary.completionWords.contains("where"))
        #expect(Vocabulary.completionWords == Vocabulary.completionWords.sorted())
    }
}
