import Foundation
import NXLanguage
import NexthinkClient

/// The interactive loop: libedit on the main thread, each entry evaluated as a task that
/// Ctrl-C cancels. Errors are reported and the session goes on; Ctrl-D or `exit` quits.
struct REPL {
    let context: ShellContext
    let environment: [String: String]

    func run() -> Int32 {
        let console = context.console
        let catalogue = context.host.catalogue
        let session = context.session
        let editor = LineEditor(historyPath: prepareHistory()) { request in
            CompletionEngine(words: Vocabulary.completionWords + session.variableNames
                                 + HostFunctions.names,
                             ids: { catalogue.snapshot.ids($0) ?? [] },
                             parameters: { catalogue.snapshot.parameters($0, of: $1) ?? [] }).complete(request)
        }
        let cached = CatalogueCache(directory: context.paths.cacheDirectory, label: context.connection.label ?? "default")
        if let entry = cached.load() { catalogue.seed(entry) }
        greet()
        let label = context.connection.label.map { "(\($0))" } ?? ""
        var buffer = ""
        while true {
            let prompt = buffer.isEmpty ? "nxsh\(label)> " : "...> "
            switch editor.read(prompt: prompt) {
            case .endOfInput:
                editor.saveHistory()
                console.line("")
                return ExitStatus.ok
            case .interrupted:
                buffer = ""
                console.line("")
            case .line(let line):
                buffer += buffer.isEmpty ? line : "\n" + line
                if Continuation.isIncomplete(buffer) { continue }
                let entry = buffer
                buffer = ""
                if !context.secrets.appears(in: entry) { editor.remember(entry) }
                editor.saveHistory()
                if let status = handle(entry) { return status }
            }
        }
    }

    /// Runs one entry; a status ends the session.
    private func handle(_ entry: String) -> Int32? {
        let trimmed = entry.trimmingSpaces()
        if trimmed.isEmpty { return nil }
        if trimmed == "exit" || trimmed == ".quit" { return ExitStatus.ok }
        if let help = Help.answer(trimmed) {
            context.console.line(help)
            refreshCatalogue()
            return nil
        }
        if trimmed == ".refresh" {
            refreshCatalogue(announce: true)
            return nil
        }
        if let stray = Continuation.strayContinuation(entry) {
            let file = SourceFile(name: "<repl>", text: entry)
            context.console.message(DiagnosticRenderer.render(stray, in: file, color: context.console.colorErr))
            return nil
        }
        let session = context.session
        // Ctrl-C cancels the task; the interpreter then reports "interrupted" itself.
        let outcome = Blocking.run(interruptible: true) { await session.run(name: "<repl>", text: entry) }
        if let outcome, outcome.exited { return outcome.exitCode }
        return nil
    }

    private func greet() {
        let console = context.console
        console.message(ShellMessages.greeting(ShellVersion.current))
        do throws(ShellError) {
            _ = try context.connection.client()
            refreshCatalogue()
        } catch {
            console.report(ShellMessages.notConnected(error), severity: "warning")
        }
    }

    /// Ids for completion (actions, workflows, campaigns), fetched in the background so the
    /// prompt never waits.
    private func refreshCatalogue(announce: Bool = false) {
        let catalogue = context.host.catalogue
        let console = context.console
        if announce {
            let result = Blocking.run(interruptible: true) { () async -> String in
                do {
                    try await catalogue.refresh()
                    return ShellMessages.catalogueLoaded(catalogue.snapshot.counts)
                } catch {
                    return ShellMessages.refreshFailed(ErrorPhrase.plain(error))
                }
            }
            console.message(result ?? ShellMessages.refreshFailed(nil))
        } else {
            Task { try? await catalogue.refresh() }
        }
    }

    private func prepareHistory() -> String? {
        let path = context.paths.historyFile
        let directory = (path as NSString).deletingLastPathComponent
        return PrivateFiles.makeDirectory(directory) ? path : nil
    }
}
