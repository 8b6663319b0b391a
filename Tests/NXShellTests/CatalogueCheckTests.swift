import Foundation
@testable import NXLanguage
@testable import NXShell
import Testing

/// `nxsh check`'s catalogue checks (also the language server's) against the catalogue the real
/// emulator serves, fetched the way `check` fetches it: remote actions, workflows, campaigns.
@Suite struct CatalogueCheckTests {
    private func catalogue() async throws -> CatalogueCache.Entry {
        try await withFleetSession { try await .fetch($0.context.connection.client()) }
    }

    private func uses(_ source: String) -> [CommandUse] {
        let analysis = Tools.analyze(SourceFile(name: "t.nxs", text: source))
        #expect(analysis.diagnostics.isEmpty, "\(analysis.diagnostics.map(\.message))")
        return analysis.commands
    }

    /// The text a diagnostic points at.
    private func text(_ diagnostic: Diagnostic, in source: String) -> String {
        guard let span = diagnostic.span else { return "" }
        return String(decoding: Array(source.utf8)[span.start..<span.end], as: UTF8.self)
    }

    /// A state-changing command whose operand is a workflow or campaign id, as `run workflow`
    /// and `run campaign` are declared: the checks read only the table entry's operand kind and
    /// `changesState`, so the command is written with `run`'s syntax and given this entry.
    private func triggering(_ kind: OperandKind, _ use: CommandUse) -> CommandUse {
        var use = use
        use.spec = CommandSpec(words: ["run", kind == .workflowID ? "workflow" : "campaign"], operand: kind,
                               clauses: use.spec.clauses, changesState: true, usage: "", summary: "", example: "")
        return use
    }

    @Test func fetchesWorkflowsAndCampaignsWithTheirParameters() async throws {
        let entry = try await catalogue()
        #expect(entry.ids(.workflow)?.count == 9)
        #expect(entry.ids(.campaign)?.count == 5)
        #expect(entry.parameters(.workflow, of: "#wf_onboarding") == ["department", "start_date"])
        #expect(entry.parameters(.campaign, of: "csat_after_fix") == ["ticket"])
        #expect(entry.counts.hasSuffix("9 workflows, 5 campaigns"), "\(entry.counts)")
        #expect(entry.items(.workflow)?.first { $0.id == "#wf_disk_cleanup" }?.triggerProblems.count == 1)
    }

    @Test func unknownWorkflowIDsGetTheNearestOnes() async throws {
        let source = "get workflow #wf_restart_spooller\nget workflow #wf_onboarding\nget #restart_service\n"
        let found = CatalogueChecks.diagnostics(uses(source), catalogue: try await catalogue())
        #expect(found.map(\.message) == ["unknown workflow '#wf_restart_spooller'"])
        #expect(found.first?.notes == ["did you mean '#wf_restart_spooler'?", "`list workflows` shows every workflow"])
        #expect(found.first.map { text($0, in: source) } == "#wf_restart_spooller")
    }

    @Test func triggeringAWorkflowChecksItsParametersAndAPITrigger() async throws {
        let catalogue = try await catalogue()
        let device = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
        let source = """
            run #wf_restart_spooler on [\(device)] with <Reason: "stuck">
            run #wf_restart_spooler on [\(device)] with <reason: "stuck">
            run #wf_disk_cleanup on [\(device)]
            run #wf_teams_repair on [\(device)] with <anything: "x">
            """
        let found = CatalogueChecks.diagnostics(uses(source).map { triggering(.workflowID, $0) }, catalogue: catalogue)
        #expect(found.map(\.message) == ["unknown parameter 'Reason' of #wf_restart_spooler",
                                         "#wf_disk_cleanup cannot be triggered through the API; enable its API trigger in Nexthink first",
                                         "unknown parameter 'anything' of #wf_teams_repair"])
        #expect(found.first?.notes == ["did you mean 'reason'?", "its parameters are: reason"])
        #expect(found.last?.notes == ["#wf_teams_repair takes no parameters"])
        #expect(found.map { text($0, in: source) } == ["Reason", "#wf_disk_cleanup", "anything"])
    }

    /// The action's API rule in the client's words (`RemoteActionTriggerProblem`), the ones
    /// `run` refuses it with, then its inputs.
    @Test func runningAnActionChecksItsAPITargetingAndInputs() async throws {
        let source = "run #collect_event_logs on [3fa85f64-5717-4562-b3fc-2c963f66afa6] with <LogNam: \"System\">"
        let found = CatalogueChecks.diagnostics(uses(source), catalogue: try await catalogue())
        #expect(found.map(\.message) == ["#collect_event_logs is not enabled for the API", "unknown input 'LogNam' of #collect_event_logs"])
        #expect(found.first?.notes == ["enable API targeting in Nexthink first"])
        #expect(found.map { text($0, in: source) } == ["#collect_event_logs", "LogNam"])
    }

    @Test func triggeringACampaignChecksItsIDParametersAndStatus() async throws {
        let catalogue = try await catalogue()
        let device = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
        let source = """
            run #csat_after_fx on [\(device)] with <ticket: "INC001">
            run #csat_after_fix on [\(device)] with <Ticket: "INC001">
            run #old_pulse_survey on [\(device)]
            run #it_announcement on [\(device)] with <title: "t", body: "b">
            """
        let found = CatalogueChecks.diagnostics(uses(source).map { triggering(.campaignID, $0) }, catalogue: catalogue)
        #expect(found.map(\.message) == ["unknown campaign '#csat_after_fx'", "unknown parameter 'Ticket' of #csat_after_fix",
                                         "#old_pulse_survey is retired; only published campaigns can be sent"])
        #expect(found.first?.notes == ["did you mean '#csat_after_fix'?", "`list campaigns` shows every campaign"])
        #expect(found.dropFirst().first?.notes.first == "did you mean 'ticket'?")
    }

    /// A kind the service would not list (no `#campaigns` query) is not checked at all.
    @Test func anUnknownKindIsNotChecked() async throws {
        var catalogue = try await catalogue()
        catalogue.campaigns = nil
        let found = CatalogueChecks.diagnostics(uses("run #no_such_campaign on [\"x\"]").map { triggering(.campaignID, $0) },
                                                catalogue: catalogue)
        #expect(found.map(\.message) == ["invalid device id 'x'"])
    }

    /// Once the table has `run workflow` and `run campaign`, the scripts as people write them.
    @Test(.enabled(if: CommandTable.spec(named: "run workflow") != nil && CommandTable.spec(named: "run campaign") != nil))
    func runWorkflowAndRunCampaignAsWritten() async throws {
        let source = """
            run workflow #wf_restart_spoler on [3fa85f64-5717-4562-b3fc-2c963f66afa6]
            run campaign #csat_after_fix for ["S-1-5-21-1-2-3-1001"] with <Ticket: "INC001"> expires 7d
            """
        let found = CatalogueChecks.diagnostics(uses(source), catalogue: try await catalogue())
        #expect(found.map(\.message) == ["unknown workflow '#wf_restart_spoler'", "unknown parameter 'Ticket' of #csat_after_fix"])
    }
}
