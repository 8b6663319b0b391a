import NXLanguage
import Testing

/// The evaluator's synchronous path (expressions without host calls), the one scope per `for`
/// loop and `sort` without key rows behave exactly like the general path.
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
}
