import Foundation
import Testing

/// Command-line conventions: `--` ends nxsh's options, and under `-o json` every stdout line
/// is a JSON document, `print` included.
@Suite struct OutputModeTests {
    @Test func doubleDashEndsTheOptions() async throws {
        let home = try TempDir()
        let r = try await CLI.launch(["-e", "print args", "--", "x"], environment: CLI.environment(home: home.path))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "[\"x\"]\n")
    }

    @Test func everyStdoutLineIsJSONUnderJSONOutput() async throws {
        let home = try TempDir()
        let r = try await CLI.launch(["-o", "json", "-e", #"print "hi", 1"#, "-e", "print [1, 2]", "-e", "print",
                                      "-e", "<a: 1>"], environment: CLI.environment(home: home.path))
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines == [#""hi 1""#, #""[1, 2]""#, #""""#, #"{"a":1}"#])
        for line in lines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])) != nil,
                    "not JSON: \(line)")
        }
    }
}
