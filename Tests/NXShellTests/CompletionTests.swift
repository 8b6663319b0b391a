@testable import NXLanguage
import Testing
@testable import NXShell

@Suite struct CompletionTests {
    let engine = CompletionEngine(
        words: ["list", "let", "devices", "devs"],
        ids: { kind in
            switch kind {
            case .action: ["#restart_service", "#set_service_start_type", "#get_battery_status"]
            case .workflow: ["#wf_restart_spooler", "#wf_reset_password", "#wf_onboarding"]
            case .campaign: ["#csat_after_fix", "#it_announcement"]
            }
        },
        parameters: { kind, id in
            switch (kind, id) {
            case (.action, "#set_service_start_type"): ["StartType", "StatusChange"]
            case (.workflow, "#wf_onboarding"): ["department", "start_date"]
            case (.campaign, "#it_announcement"): ["title", "body"]
            default: []
            }
        },
        table: CompletionTests.tableWithTriggers)

    /// The table, with `run workflow` and `run campaign` as issue 11 declares them when it does
    /// not have them yet: completion reads only their words and operand kinds.
    static let tableWithTriggers = CommandTable.all + [
        CommandSpec(words: ["run", "workflow"], operand: .workflowID, clauses: [], changesState: true,
                    usage: "", summary: "", example: ""),
        CommandSpec(words: ["run", "campaign"], operand: .campaignID, clauses: [], changesState: true,
                    usage: "", summary: "", example: ""),
    ].filter { CommandTable.spec(named: $0.name) == nil }

    func complete(_ line: String) -> [String] {
        let word = line.split(whereSeparator: { " <,".contains($0) }).last.map(String.init) ?? ""
        let endsInSeparator = line.last.map { " <,".contains($0) } ?? true
        let current = endsInSeparator ? "" : word
        return engine.complete(CompletionRequest(word: current, line: line, start: line.utf8.count - current.utf8.count))
    }

    @Test func commandsAndVariables() {
        #expect(complete("li") == ["list"])
        #expect(complete("print dev") == ["devices", "devs"])
    }

    @Test func actionIDsAfterGetAndRun() {
        #expect(complete("get #re") == ["#restart_service"])
        #expect(complete("run #") == ["#get_battery_status", "#restart_service", "#set_service_start_type"])
        #expect(complete("let a = #set") == ["#set_service_start_type"])
    }

    /// The second words of two-word commands come from the table, beside the first word's own
    /// operand.
    @Test func secondWordsBesideTheOperand() {
        #expect(complete("list ") == ["campaigns", "macos", "windows", "workflows"])
        #expect(complete("list w") == ["windows", "workflows"])
        #expect(complete("get w") == ["workflow"])
    }

    @Test func workflowIDsAfterGetWorkflow() {
        #expect(complete("get workflow ") == ["#wf_onboarding", "#wf_reset_password", "#wf_restart_spooler"])
        #expect(complete("let w = get workflow #wf_re") == ["#wf_reset_password", "#wf_restart_spooler"])
    }

    /// `run workflow` and `run campaign`: their ids, and their parameter names inside `with <`.
    @Test func idsAndParametersOfRunWorkflowAndRunCampaign() {
        #expect(complete("run workflow #wf_o") == ["#wf_onboarding"])
        #expect(complete("run campaign #") == ["#csat_after_fix", "#it_announcement"])
        #expect(complete("run workflow #wf_onboarding on devs with <department: \"IT\", st") == ["start_date:"])
        #expect(complete("run campaign #it_announcement for users with <") == ["body:", "title:"])
        #expect(complete("run ").contains("workflow") && complete("run ").contains("#restart_service"))
    }

    @Test func inputNamesInsideWith() {
        #expect(complete("run #set_service_start_type on devs with <") == ["StartType:", "StatusChange:"])
        #expect(complete("run #set_service_start_type on devs with <StartType: \"Auto\", Stat") == ["StatusChange:"])
        #expect(complete("run #set_service_start_type on devs with <StartType: \"Au").isEmpty)
    }

    @Test func metaCommandsAtLineStart() {
        #expect(complete(".re") == [".refresh"])
    }
}
