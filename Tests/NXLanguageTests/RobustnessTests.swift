@testable import NXLanguage
import Testing

/// Deterministic pseudo-random source (SplitMix64) so failures reproduce.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The lexer and parser are total: hostile input gives diagnostics, never a trap or a stack overflow.
struct RobustnessTests {
    static let fragments = [
        "let ", "x", " = ", "[", "]", "(", ")", "{", "}", "<", ">", ":", ",", "|", " where ", " select ", "\"", "${", "\\",
        "#", "#a", "2bdb0941-2507-40de-854a-3efa1784b26b", "2bdb0941-", "1", "9", ".", "5m", "1h", "e", "-", "+", "*", "/",
        "%", "==", "!", "not ", " and ", "run ", " on ", " with ", "if ", "else ", "for ", " in ", "print ", "\n", ";",
        "token", "é", "upper(", "count(", "x.y", "[0]", "[-1]", "<a: 1>", "\"s\"", "2.5", "0", "true", "null", "\u{0}", "\t", "//", "# ", "assert ", "exit ", "status", "list", "get ", "\u{FFFD}", "\r\n",
    ]

    @Test func randomFragmentSoupNeverTraps() async {
        var generator = SplitMix(state: 42)
        var evaluated = 0
        for _ in 0..<3000 {
            let count = Int.random(in: 1...40, using: &generator)
            let text = (0..<count).map { _ in Self.fragments.randomElement(using: &generator) ?? "" }.joined()
            let file = SourceFile(name: "fuzz", text: text)
            let (statements, diagnostics) = Parser.parse(file)
            _ = Continuation.isIncomplete(text)
            for diagnostic in diagnostics { _ = DiagnosticRenderer.render(diagnostic, in: file) }
            if diagnostics.isEmpty {
                let printed = Printer.print(statements)
                #expect(canonical(printed) == printed, "round trip of \(text.debugDescription)")
                evaluated += 1
                let (outcome, _) = await run(text)
                for diagnostic in outcome.diagnostics { _ = DiagnosticRenderer.render(diagnostic, in: file) }
            }
        }
        #expect(evaluated > 100, "only \(evaluated) generated programs parsed")
    }

    @Test func randomBytesNeverTrap() {
        var generator = SplitMix(state: 7)
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...60, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let file = SourceFile(name: "fuzz", text: String(decoding: bytes, as: UTF8.self))
            for diagnostic in Parser.parse(file).diagnostics { _ = DiagnosticRenderer.render(diagnostic, in: file) }
        }
    }

    static let deepInputs: [String] = [
        String(repeating: "(", count: 10_000),
        String(repeating: "[", count: 10_000),
        String(repeating: "<a: ", count: 10_000),
        String(repeating: "-", count: 10_000) + "1",
        String(repeating: "not ", count: 10_000) + "true",
        "1" + String(repeating: " + 1", count: 10_000),
        "x" + String(repeating: ".a", count: 10_000),
        "x" + String(repeating: "[0]", count: 10_000),
        String(repeating: "if true { ", count: 10_000),
        String(repeating: "\"${", count: 10_000),
        "f(" + String(repeating: "g(", count: 10_000),
        String(repeating: "list | ", count: 10_000) + "count",
        "print " + String(repeating: "get ", count: 10_000) + "#x",
    ]

    @Test(arguments: deepInputs)
    func deepNestingIsAnError(_ source: String) async {
        let (_, diagnostics) = Parser.parse(SourceFile(name: "deep", text: source))
        #expect(!diagnostics.isEmpty)
        let (outcome, _) = await run(source)
        #expect(outcome.exitCode == 65)
    }

    @Test func longButFlatProgramsAreFine() async {
        let source = (0..<5000).map { "let v\($0) = \($0)" }.joined(separator: "\n") + "\nprint v4999"
        let (outcome, host) = await run(source)
        #expect(outcome.exitCode == 0)
        #expect(host.lines == ["4999"])
    }
}
