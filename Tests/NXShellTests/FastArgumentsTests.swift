import Testing
@testable import NXShell

/// The hand-written start-up path: it must read the common command lines exactly as the argument
/// parser would, and hand everything else (help, version, errors) to the parser.
struct FastArgumentsTests {
    @Test func readsTheCommonOptions() throws {
        let parsed = try #require(FastArguments.parse(
            ["-o", "json", "--sandbox", "--profile=prod", "--concurrency", "3", "-y", "-v", "--no-token-cache",
             "--dry-run", "-e", "print 1", "-e", "print 2"]))
        let o = parsed.options
        #expect(o.output == .json && o.sandbox && o.profile == "prod" && o.concurrency == 3)
        #expect(o.yes && o.verbose && !o.tokenCache && o.dryRun)
        #expect(o.expressions == ["print 1", "print 2"] && o.scriptAndArguments.isEmpty)
    }

    @Test func theFirstFreeWordStartsTheScriptAndItsArguments() throws {
        let parsed = try #require(FastArguments.parse(["--yes", "run.nxs", "-v", "--help", "x"]))
        #expect(parsed.options.scriptAndArguments == ["run.nxs", "-v", "--help", "x"])
        #expect(!parsed.options.verbose && !parsed.afterDashes)
        #expect(FastArguments.parse(["-", "a"])?.options.scriptAndArguments == ["-", "a"])
    }

    @Test func dashesEndTheOptionsAndRuleOutATool() throws {
        let parsed = try #require(FastArguments.parse(["--sandbox", "--", "check", "-e"]))
        #expect(parsed.afterDashes && parsed.options.scriptAndArguments == ["check", "-e"])
        #expect(parsed.options.expressions.isEmpty)
    }

    @Test(arguments: [
        ["--help"], ["-h"], ["--version"], ["--generate-completion-script", "bash"], ["--concurrency", "0"],
        ["--concurrency", "many"], ["-o", "xml"], ["-o=json"], ["--sandbox", "--sandbox"], ["-y", "--yes"],
        ["--frobnicate"], ["-e"], ["-e", "-1"], ["-yv"], ["--sandbox=yes"],
    ])
    func leavesEverythingElseToTheArgumentParser(_ arguments: [String]) {
        #expect(FastArguments.parse(arguments) == nil)
    }
}
