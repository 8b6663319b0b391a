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
