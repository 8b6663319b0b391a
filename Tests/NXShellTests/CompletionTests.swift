import Testing
@testable import NXShell

@Suite struct CompletionTests {
    let engine = CompletionEngine(
        words: ["list", "let", "devices", "devs"],
        actionIDs: ["#restart_service", "#set_service_start_type", "#get_battery_status"],
        inputs: { $0 == "#set_service_start_type" ? ["StartType", "StatusChange"] : [] })

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
        #expect(complete("run ") == ["#get_battery_status", "#restart_service", "#set_service_start_type"])
        #expect(complete("let a = #set") == ["#set_service_start_type"])
    }

    @Test func platformsAfterList() {
        #expect(complete("list ") == ["macos", "windows"])
        #expect(complete("list w") == ["windows"])
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
