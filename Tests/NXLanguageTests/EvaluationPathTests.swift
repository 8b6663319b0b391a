import NXLanguage
import Testing

/// The evaluator's synchronous path (expressions without host calls), variables in slots rather
/// than scopes and `sort` without key rows behave exactly like the general path.
struct EvaluationPathTests {
    @Test func synchronousAndGeneralPathsReportTheSameError() async {
        // The interpolation forces the general path; the bare expression takes the synchronous one.
        let (direct, _) = await run("print 1 and true")
        let (interpolated, _) = await run("print \"${1 and true}\"")
        #expect(direct.diagnostics.first?.message == "the left side of 'and' must be a bool, got int")
        #expect(interpolated.diagnostics.first?.message == direct.diagnostics.first?.message)
        #expect(direct.diagnostics.first?.span == SourceSpan(start: 6, end: 7))
        #expect(interpolated.diagnostics.first?.span == SourceSpan(start: 9, end: 10))
    }

    @Test func eachLoopIterationStartsWithFreshBindings() async {
        let (outcome, host) = await run("""
            let total = 0
            for x in [1, 2, 3] { let x = x * 10; let y = x + 1; total = total + y }
            print total
            """)
        #expect(outcome.exitCode == 0, "\(outcome.diagnostics)")
        #expect(host.lines == ["63"])
    }

    @Test func sortKeepsTheOrderOfEqualValues() async {
        let (outcome, host) = await run(#"print sort([1.0, 2, 1, 0]), sort(["b", 2bdb0941-2507-40de-854a-3efa1784b26b, "2bdb0941-2507-40de-854a-3efa1784b26b"])"#)
        #expect(outcome.exitCode == 0, "\(outcome.diagnostics)")
        #expect(host.lines == [#"[0, 1.0, 1, 2] [2bdb0941-2507-40de-854a-3efa1784b26b, "2bdb0941-2507-40de-854a-3efa1784b26b", "b"]"#])
    }

    @Test func aBlocksVariablesStopBeingSuggestedWhenItEnds() async {
        // The second iteration fails; `totals` of the first must not be offered, nor an `if`'s.
        for source in ["for r in [<total: 1>, <other: 2>] { print count([r] | where total == 1); let totals = 1 }",
                       "if true { let totals = 1 }\nprint [<other: 2>] | where total == 1"] {
            let (outcome, _) = await run(source)
            #expect(outcome.diagnostics.map(\.message) == ["unknown variable 'total'"])
            #expect(outcome.diagnostics.first?.notes == [])
        }
        let (bound, _) = await run("for r in [<other: 2>] { let totals = 1; print [r] | where total == 1 }")
        #expect(bound.diagnostics.first?.notes == ["did you mean 'totals'?"])
    }

    @Test func programsGetTheirSlotsFromTheInterpreterThatRunsThem() async {
        let host = TestHost()
        let interpreter = Interpreter(host: host, variables: ["args": .list([.int(1)])])
        let sources = ["let a = args", "for x in a { let b = x + 1; print a, b }"].map { SourceFile(name: "-e", text: $0) }
        for program in await Interpreter(host: TestHost(), variables: ["args": .list([])]).prepare(sources) {
            #expect(await interpreter.run(program).exitCode == 0)
        }
        #expect(await interpreter.run(Interpreter.parse(SourceFile(name: "-e", text: "print a, _"))).exitCode == 70)
        #expect(host.lines == ["[1] 2"])
    }
}
