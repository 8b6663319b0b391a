#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NXLanguage

/// `nxsh check`, `nxsh fmt`, `nxsh lsp`: tools that read scripts without running them. The word
/// selects a tool only when it cannot be a script path (no `/`, no `.nxs`), so a runbook named
/// `check` still runs as `./check`.
enum Tools {
    static let names = ["check", "fmt", "lsp"]

    static func selects(_ word: String) -> Bool {
        names.contains(word) && !word.contains("/" as Character) && !word.hasSuffix(".nxs")
    }

    static func run(_ word: String, _ arguments: [String], options: ShellOptions) -> Int32 {
        let environment = ProcessEnvironment.read()
        let console = Console.standard(environment: environment)
        do throws(ShellError) {
            switch word {
            case "check": return try CheckTool(arguments, options: options).run(console: console, environment: environment)
            case "fmt": return try FormatTool(arguments).run(console: console)
            default: return LanguageServer.serve(options: options, environment: environment)
            }
        } catch {
            console.report(error)
            return error.exitCode
        }
    }

    /// Names a script may use without declaring them: the shell's predefined variables.
    static let globals = ["args", Vocabulary.dryRunVariable]

    static func analyze(_ file: SourceFile) -> Analysis {
        Analysis.analyze(file, globals: globals, hostFunctions: HostFunctions.names)
    }

    static func read(_ path: String) throws(ShellError) -> SourceFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ShellMessages.cannotOpen(path)
        }
        return SourceFile(name: path, text: String(decoding: data, as: UTF8.self))
    }
}
