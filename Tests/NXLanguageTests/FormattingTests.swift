import Foundation
@testable import NXLanguage
import Testing

struct FormattingTests {
    @Test func textAndLiteral() {
        #expect(ValueFormatter.text(.string("a\"b")) == "a\"b")
        #expect(ValueFormatter.literal(.string("a\"b\n$")) == #""a\"b\n\$""#)
        #expect(ValueFormatter.literal(.record(Record([("a b", .int(1)), ("c", .list([.null, .double(2)]))])))
            == #"<"a b": 1, c: [null, 2.0]>"#)
        #expect(ValueFormatter.duration(0) == "0s")
        #expect(ValueFormatter.duration(93784) == "1d2h3m4s")
        #expect(ValueFormatter.duration(-90) == "-1m30s")
    }

    /// A literal reads back as the same value.
    @Test(arguments: [
        Value.string("tab\t quote\" dollar$ brace{ é 😀 \u{1}"), .int(-5), .double(0.1), .double(1e-7), .duration(seconds: 5400),
        .list([.uuid("2bdb0941-2507-40de-854a-3efa1784b26b"), .nqlID("#x"), .bool(false)]),
        .record(Record([("if", .int(1)), ("x-y", .null)])),
    ])
    func literalRoundTrip(_ value: Value) async {
        let host = TestHost()
        let interpreter = Interpreter(host: host)
        let outcome = await interpreter.run(SourceFile(name: "t", text: ValueFormatter.literal(value)))
        #expect(outcome.lastValue == value)
    }

    @Test func tableFitsTheWidth() {
        let rows = (1...3).map { index in
            Record([("id", .int(index)), ("name", .string(String(repeating: "n", count: 60))),
                    ("description", .string(String(repeating: "d", count: 60)))])
        }
        let table = ValueFormatter.table(rows, maxWidth: 50)
        let lines = table.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines.allSatisfy { $0.count <= 50 })
        #expect(lines[2].hasSuffix("…"))
        #expect(lines[0].hasPrefix("id  name"))
    }

    @Test func tableOfEmptyRecords() {
        #expect(ValueFormatter.table([], maxWidth: 80) == "(no rows)")
        #expect(ValueFormatter.table([Record(), Record()], maxWidth: 80) == "(2 empty records)")
        #expect(ValueFormatter.display(.list([.int(1), .record(Record())])) == "[1, <>]")
    }

    @Test func jsonIsValidAndKeepsOrder() throws {
        let value = Value.record(Record([
            ("z", .double(.nan)), ("a", .double(.infinity)), ("s", .string("line\n\u{7}\"\\")), ("d", .duration(seconds: 90)),
            ("u", .uuid("2bdb0941-2507-40de-854a-3efa1784b26b")), ("n", .list([.int(1), .double(2.5), .bool(true), .null])),
        ]))
        let text = ValueFormatter.json(value)
        #expect(text.hasPrefix(#"{"z":null,"a":null,"s":"line\n\u0007\"\\","d":90,"#))
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(parsed?["s"] as? String == "line\n\u{7}\"\\")
        #expect(ValueFormatter.json(.double(1e20)) == "1e+20")
    }

    @Test func blockIndentsNestedValues() {
        let record = Record([("name", .string("PC")), ("os", .record(Record([("v", .int(11))]))),
                             ("notes", .string("two\nlines"))])
        #expect(ValueFormatter.block(record) == "name:  PC\nos:\n  v: 11\nnotes: two\n       lines")
    }

    @Test func deeplyNestedValuesAreCut() {
        var value = Value.int(1)
        for _ in 0..<500 { value = .list([value]) }
        #expect(ValueFormatter.literal(value).contains("…"))
        #expect(ValueFormatter.json(value).contains("null"))
        #expect(ValueFormatter.display(value).count < 200)
    }
}

struct DiagnosticRendererTests {
    let file = SourceFile(name: "runbook.nxs", text: "let a = 1\n\tlet r = run #x on devz\nlast")

    @Test func rendersLocationSourceAndCaret() {
        let diagnostic = Diagnostic(message: "unknown variable 'devz'", span: SourceSpan(start: 29, end: 33), notes: ["did you mean 'devs'?"])
        #expect(DiagnosticRenderer.render(diagnostic, in: file) == """
        runbook.nxs:2:20: error: unknown variable 'devz'
         let r = run #x on devz
                           ^~~~
        note: did you mean 'devs'?
        """)
    }

    @Test func multiLineSpanIsUnderlinedToTheEndOfItsFirstLine() {
        let diagnostic = Diagnostic(message: "m", span: SourceSpan(start: 4, end: 40))
        #expect(DiagnosticRenderer.render(diagnostic, in: file).split(separator: "\n").last == "    ^~~~~")
    }

    @Test func withoutSpanAndWithColour() {
        let plain = Diagnostic(message: "interrupted", span: nil)
        #expect(DiagnosticRenderer.render(plain, in: file) == "runbook.nxs: error: interrupted")
        let coloured = DiagnosticRenderer.render(Diagnostic(message: "m", span: SourceSpan(start: 0, end: 3)), in: file, color: true)
        #expect(coloured.contains("\u{1B}[1;31merror:\u{1B}[0m"))
    }

    @Test func columnsCountCharactersNotBytes() {
        let unicode = SourceFile(name: "u", text: "print \"é\" + x")
        #expect(unicode.location(of: 13) == SourceFile.Location(line: 1, column: 13))
        #expect(unicode.location(of: 999) == SourceFile.Location(line: 1, column: 14))
    }
}
