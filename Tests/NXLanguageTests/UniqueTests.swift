import NXLanguage
import Testing

/// `unique` keeps the first of equal values under the language's equality, in linear time
/// (found by scripts/bench: 100,000 device ids took 13 s with pairwise comparison).
struct UniqueTests {
    @Test func keepsFirstOccurrencesUnderLanguageEquality() async {
        let (outcome, host) = await run("""
            print unique([1, 1.0, 2, -0.0, 0, "a", "A", "a", #x, "#x", [1], [1.0], <k: 1>, <k: 1.0>, null, null, 90m, 1h30m])
            print unique([2bdb0941-2507-40de-854a-3efa1784b26b, "2BDB0941-2507-40DE-854A-3EFA1784B26B", "x"])
            """)
        #expect(outcome.exitCode == 0, "\(outcome.diagnostics)")
        #expect(host.lines.first == #"[1, 2, -0.0, "a", "A", #x, [1], <k: 1>, null, 1h30m]"#)
        #expect(host.lines.dropFirst().first == #"[2bdb0941-2507-40de-854a-3efa1784b26b, "x"]"#)
    }

    /// Time is `scripts/bench eval`'s business (a ratio against CPython in one run); here the
    /// result of the size that once took 13 s.
    @Test func aHundredThousandDeviceIds() async {
        let (_, host) = await run("""
            let ids = range(100000) | where it % 2 == 0
            print count(unique(ids + ids))
            """)
        #expect(host.lines == ["50000"])
    }
}
