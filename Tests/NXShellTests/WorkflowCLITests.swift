import Foundation
import Testing

/// The read-only workflow and campaign commands through the built binary against `--sandbox`.
@Suite struct WorkflowCLITests {
    @Test func listsFiltersAndShowsWorkflowsAsJSON() async throws {
        let home = try TempDir()
        let env = CLI.environment(home: home.path)
        let r = try await CLI.launch(["--sandbox", "-o", "json", "-e", "list workflows api active | pluck id",
                                      "-e", "(get workflow #wf_restart_spooler).dependency", "-e", "list campaigns | count"],
                                     environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(r.stdout)")
        #expect(lines.first?.contains("\"#wf_restart_spooler\"") == true)
        #expect(lines.first?.contains("wf_legacy_vpn_fix") == false, "inactive workflows are filtered out")
        #expect(lines.dropFirst().first == "\"DEVICE\"")
        #expect(lines.last == "5")
    }

    @Test func conflictingFiltersPointAtTheWords() async throws {
        let home = try TempDir()
        let r = try await CLI.launch(["--sandbox", "-e", "list workflows user device"], environment: CLI.environment(home: home.path))
        #expect(r.status == 70)
        #expect(r.stderr.contains("at most one dependency, got user and device"), "\(r.stderr)")
        #expect(r.stderr.contains("^~~~~~~~~~~"), "\(r.stderr)")
    }
}
