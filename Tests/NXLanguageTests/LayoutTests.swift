@testable import NXLanguage
import Foundation
import Testing

/// `nxsh fmt`: canonical layout, every comment kept, idempotent, same tree.
struct LayoutTests {
    private func format(_ text: String) throws -> String {
        try Layout.format(SourceFile(name: "t.nxs", text: text)).get()
    }

    @Test func canonicalLayoutKeepsEveryComment() throws {
        let source = """
            #!/usr/bin/env nxsh
            // Restart the spooler.
            let devs=read( "devices.txt" )   // one per line
            let   opts = <ServiceName:"Spooler",
                Retries: 3>


            if count(devs)>0 {   # not empty
              // loop
              for d in devs { print d }
            } else if dryrun { print "dry" } else {
              print "none"
              // nothing to do
            }
            let x = [1, // first
              2]
            print x;print opts
            """
        #expect(try format(source) == """
            #!/usr/bin/env nxsh
            // Restart the spooler.
            let devs = read("devices.txt")  // one per line
            let opts = <ServiceName: "Spooler", Retries: 3>

            if count(devs) > 0 {
                # not empty
                // loop
                for d in devs {
                    print d
                }
            } else if dryrun {
                print "dry"
            } else {
                print "none"
                // nothing to do
            }
            let x = [1, // first
              2]
            print x
            print opts

            """)
    }

    /// A comment inside a multi-line list or map keeps the statement (or the `if`/`for` header)
    /// as written, moved as a whole to its indentation; `else if` stays `else if`; the body of
    /// such a header is still laid out; a comment after `else {` stays in the else block.
    @Test func commentsInsideMultiLineListsKeepTheStatementAsWritten() throws {
        let source = """
            if x == 0 {
              let ys = [  // the list
                  "a",
                  "b",  # second
              ]
            } else if [
                1,  // one
                2,
            ] contains x {
                  for d in [
                      "x",  // why
                  ] { print   d }
            } else {
                // none of them
                print "none"
            }
            """
        let expected = """
            if x == 0 {
                let ys = [  // the list
                    "a",
                    "b",  # second
                ]
            } else if [
                1,  // one
                2,
            ] contains x {
                for d in [
                    "x",  // why
                ] {
                    print d
                }
            } else {
                // none of them
                print "none"
            }

            """
        #expect(try format(source) == expected)
        #expect(try format(expected) == expected)
    }

    /// Over 100 columns, the longest literal goes one element per line (trailing comma, closer
    /// on its own line); the rule applies again to each line, so short literals stay inline.
    @Test func longListsAndMapsWrapOneElementPerLine() throws {
        let id = "3fa85f64-5717-4562-b3fc-2c963f66afa"
        let source = """
            let short = [1, 2, 3]
            run #restart_service on ["\(id)6", "\(id)7"] with <ServiceName: "Spooler", Retries: 3>
            let opts = <Name: "Spooler", Retries: 3, Nested: <a: [1, 2, 3], b: "a long string value that goes on and on">>
            for d in ["\(id)6", "\(id)7", "\(id)8"] { print "${[1, 2]}" }
            """
        #expect(try format(source) == """
            let short = [1, 2, 3]
            run #restart_service on [
                "\(id)6",
                "\(id)7",
            ] with <ServiceName: "Spooler", Retries: 3>
            let opts = <
                Name: "Spooler",
                Retries: 3,
                Nested: <a: [1, 2, 3], b: "a long string value that goes on and on">,
            >
            for d in [
                "\(id)6",
                "\(id)7",
                "\(id)8",
            ] {
                print "${[1, 2]}"
            }

            """)
    }

    /// Nested literals wrap when they are too long themselves; the result parses to the same
    /// tree and formats to itself.
    @Test(arguments: [
        "let m = <devices: [\"\(String(repeating: "a", count: 60))\", \"\(String(repeating: "b", count: 60))\"], n: 1>",
        "if x == 1 or [\(Array(1...40).map(String.init).joined(separator: ", "))] contains x { print x }  // why",
        "print f([\(Array(1...30).map(String.init).joined(separator: ", "))], <k: \"\(String(repeating: "v", count: 90))\">)",
    ])
    func wrappingKeepsTheTreeAndIsIdempotent(_ source: String) throws {
        let formatted = try format(source)
        #expect(formatted.split(separator: "\n").count > 1)
        let (before, _) = Parser.parse(SourceFile(name: "a", text: source))
        let (after, errors) = Parser.parse(SourceFile(name: "b", text: formatted))
        #expect(errors.isEmpty)
        #expect(Printer.print(after) == Printer.print(before))
        #expect(try format(formatted) == formatted)
        #expect(!source.contains("//") || formatted.contains("// why"))
    }

    @Test func syntaxErrorsAreReportedNotFormatted() {
        guard case .failure(let failure) = Layout.format(SourceFile(name: "t.nxs", text: "let = 1")) else {
            Issue.record("formatted a script with a syntax error")
            return
        }
        #expect(!failure.diagnostics.isEmpty)
    }

    /// Property over the golden corpus: formatting never changes what a script parses to,
    /// formatting twice equals formatting once, and no comment is lost.
    @Test(arguments: GoldenCase.all)
    func formattingKeepsTheTree(_ golden: GoldenCase) throws {
        let text = try String(contentsOf: golden.script, encoding: .utf8)
        let file = SourceFile(name: golden.name, text: text)
        let (before, errors) = Parser.parse(file)
        guard errors.isEmpty else { return }
        let formatted = try Layout.format(file).get()
        let (after, newErrors) = Parser.parse(SourceFile(name: golden.name, text: formatted))
        #expect(newErrors.isEmpty, "\(newErrors.map(\.message))")
        #expect(Printer.print(after) == Printer.print(before))
        #expect(try format(formatted) == formatted, "not idempotent")
        for comment in Comment.all(in: file, tokens: Lexer.tokenize(file).tokens) {
            #expect(formatted.contains(comment.text), "lost \(comment.text)")
        }
    }
}
