import Foundation
@testable import NXLanguage
import Testing

func canonical(_ source: String) -> String? {
    let (statements, diagnostics) = Parser.parse(SourceFile(name: "t", text: source))
    return diagnostics.isEmpty ? Printer.print(statements) : nil
}

func parseErrors(_ source: String) -> [String] {
    Parser.parse(SourceFile(name: "t", text: source)).diagnostics.map(\.message)
}

struct ParserTests {
    static let canonicalCases: [(String, String)] = [
        ("let   x=1+2*3", "let x = 1 + 2 * 3"),
        ("(1 + 2) * 3", "(1 + 2) * 3"),
        ("1 - (2 - 3)", "1 - (2 - 3)"),
        ("(1 - 2) - 3", "1 - 2 - 3"),
        ("not (a and b)", "not (a and b)"),
        ("(not a) == b", "(not a) == b"),
        ("-(-x)", "--x"),
        ("a or b and c", "a or b and c"),
        ("(a or b) and c", "(a or b) and c"),
        ("x=[1,\n2]", "x = [1, 2]"),
        ("<a:1,\"b c\":2>", "<a: 1, \"b c\": 2>"),
        ("(get #x).name", "(get #x).name"),
        ("get #x.name", "get #x.name"),
        ("(status r) + 1", "status r + 1"),
        ("(run #a on d) + 1", "(run #a on d) + 1"),
        ("run #a on d == x", "run #a on d == x"),
        ("run #a on [u] with <k: \"v\"> expires 2h reason \"r\" ref \"t\"",
         "run #a on [u] with <k: \"v\"> expires 2h reason \"r\" ref \"t\""),
        ("list windows|where name contains \"T\"|select id,name|sort id desc|first 2",
         "list windows | where name contains \"T\" | select id, name | sort id desc | first 2"),
        ("x = (list | count) + 1", "x = (list | count) + 1"),
        ("wait r timeout 10m", "wait r timeout 10m"),
        ("query #q with <a: 1>", "query #q with <a: 1>"),
        ("audit 5", "audit 5"),
        ("token.access_token", "token.access_token"),
        ("print", "print"),
        ("print \"a${b}\\$c\"", "print \"a${b}\\$c\""),
        ("if a {print 1} else if b {print 2} else {print 3}",
         "if a {\n    print 1\n} else if b {\n    print 2\n} else {\n    print 3\n}"),
        ("for d in devs { }", "for d in devs {\n}"),
        ("assert x, \"m\"; exit 2", "assert x, \"m\"\nexit 2"),
        ("rows\n  | pluck \"device.name\"", "rows | pluck \"device.name\""),
        ("where_ = status == 1", "where_ = status == 1"),
        ("x = 90m + 1h30m", "x = 1h30m + 1h30m"),
    ]

    @Test(arguments: canonicalCases)
    func printsCanonicalSource(_ source: String, _ expected: String) {
        #expect(canonical(source) == expected)
        #expect(canonical(expected) == expected)
    }

    /// Every golden script that parses round-trips: print, reparse, print again, same text.
    @Test(arguments: GoldenCase.all)
    func goldenScriptsRoundTrip(_ golden: GoldenCase) throws {
        let source = try String(contentsOf: golden.script, encoding: .utf8)
        guard let first = canonical(source) else { return }
        let second = canonical(first)
        #expect(second == first, "round trip of \(golden.testDescription)")
    }

    static let errorCases: [(String, String)] = [
        ("let x = [1,\n2\nprint 3", "expected ']' to close '[' at line 1, found 'print'"),
        ("f(1, 2", "expected ')' to close '(' at line 1, found end of input"),
        ("if x {", "expected '}' to close '{' at line 1, found end of input"),
        ("let 3 = 1", "expected a variable name after 'let', found a number"),
        ("1 +", "expected an expression, found end of input"),
        ("x.1", "expected a field name, found a number"),
        ("run #a", "'run' needs target devices after the action id"),
        ("list | nope", "unknown pipeline stage 'nope'"),
        ("print \"${}\"", "empty interpolation '${}' in string"),
        ("a = = b", "expected an expression, found '='"),
    ]

    @Test(arguments: errorCases)
    func reportsErrors(_ source: String, _ message: String) {
        #expect(parseErrors(source).first == message)
    }

    @Test func collectsOneErrorPerLine() {
        let errors = parseErrors("let = 1 = 2\nprint (\nlet y 2\nok")
        #expect(errors.count == 2)
        #expect(errors[0] == "expected a variable name after 'let', found '='")
        #expect(errors[1] == "expected an expression, found 'let'")
    }

    @Test func commandWordsBecomeNamesBeforeOperators() throws {
        let source = "rows | where status == \"x\" and list != 1"
        #expect(canonical(source) == source)
        let (statements, _) = Parser.parse(SourceFile(name: "t", text: "status == 1"))
        guard case .expression(let expr) = try #require(statements.first).kind,
              case .binary(.equal, let left, _) = expr.kind, case .variable("status", _) = left.kind else {
            Issue.record("status was not read as a name")
            return
        }
    }

    /// The parser lets go of tokens between top-level statements; a script far longer than
    /// that window parses the same, and an error after it still points at the right place.
    @Test func longScriptsParseThroughTheTokenWindow() {
        let lines = (0..<3000).map { "let v\($0) = [\($0), \"s\($0)\"] | where it != null\n" }
        let text = lines.joined() + "if v1 {\n    print v2\n}\nlet = 1\n"
        let file = SourceFile(name: "t", text: text)
        let (statements, diagnostics) = Parser.parse(file)
        #expect(statements.count == 3001)
        #expect(diagnostics.map(\.message) == ["expected a variable name after 'let', found '='"])
        #expect(diagnostics.first?.span.map { file.location(of: $0.start).line } == 3004)
        #expect(canonical(text.replacingOccurrences(of: "let = 1\n", with: ""))?.hasSuffix("let v2999 = [2999, \"s2999\"] | where it != null\nif v1 {\n    print v2\n}") == true)
    }

    /// A node keeps up to 64 KB of length in its own bits; longer ones (and the nodes after
    /// them) still report their exact spans.
    @Test func nodesLongerThanTheirLengthBitsKeepTheirSpans() throws {
        let long = "\"" + String(repeating: "x", count: 100_000) + "\""
        let text = "let a = [1, \(long)] | where it != 1\nlet b = [\(long), 2]\nlet c = 3\n"
        let (statements, diagnostics) = Parser.parse(SourceFile(name: "t", text: text))
        #expect(diagnostics.isEmpty)
        let values = statements.compactMap { statement -> Expr? in
            if case .declare(_, let value) = statement.kind { value } else { nil }
        }
        try #require(values.count == 3)
        let ends = values.map(\.span.end)
        let firstLine = text.utf8.count - "let b = [\(long), 2]\nlet c = 3\n".utf8.count - 1
        #expect(values[0].span == SourceSpan(start: 8, end: firstLine))
        #expect(ends[1] == firstLine + 1 + "let b = [\(long), 2]".utf8.count)
        #expect(values[2].span == SourceSpan(start: text.utf8.count - 2, end: text.utf8.count - 1))
        guard case .pipeline(let list, _) = values[0].kind, case .list(let items) = list.kind else {
            Issue.record("the first value is not a pipeline over a list")
            return
        }
        #expect(items[1].span == SourceSpan(start: 12, end: 12 + long.utf8.count))
        #expect(list.span.end == 13 + long.utf8.count)
    }

    /// Map keys are read back from the source (a name, a plain string) or kept decoded (a
    /// string with escapes), each with the span where it is written.
    @Test func mapKeysKeepTheirTextAndSpan() throws {
        let text = #"<name: 1, "os x": 2, "a\tb": <if: 3>>"#
        let (statements, diagnostics) = Parser.parse(SourceFile(name: "t", text: text))
        #expect(diagnostics.isEmpty)
        guard case .expression(let expr) = try #require(statements.first).kind, case .map(let entries) = expr.kind,
              case .map(let inner) = try #require(entries.last).value.kind else {
            Issue.record("not a map with a nested map")
            return
        }
        #expect(entries.map(\.key) == ["name", "os x", "a\tb"])
        #expect(entries.map(\.keySpan) == [SourceSpan(start: 1, end: 5), SourceSpan(start: 10, end: 16),
                                           SourceSpan(start: 21, end: 27)])
        #expect(inner.map(\.key) == ["if"] && inner[0].keySpan == SourceSpan(start: 30, end: 32))
    }
}
