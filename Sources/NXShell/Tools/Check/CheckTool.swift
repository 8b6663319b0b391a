import Foundation
import NXLanguage

/// `nxsh check [--offline] [--refresh] [-o json] FILE…`: parse, resolve and catalogue checks,
/// nothing run. Exit 0 when clean, 65 on errors.
struct CheckTool {
    static let usage = ShellMessages.checkUsage
    var files: [String] = []
    var offline = false
    var refresh = false
    var options: ShellOptions

    init(_ arguments: [String], options: ShellOptions) throws(ShellError) {
        self.options = options
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--offline": offline = true
            case "--refresh": refresh = true
            case "--sandbox": self.options.sandbox = true
            case "-o", "--output":
                guard let value = rest.popFirst(), let format = OutputFormat(rawValue: value) else {
                    throw ShellMessages.unknownToolOption("check", argument, usage: Self.usage)
                }
                self.options.output = format
            case "--profile":
                guard let value = rest.popFirst() else { throw ShellMessages.unknownToolOption("check", argument, usage: Self.usage) }
                self.options.profile = value
            case _ where argument.hasPrefix("-") && argument != "-":
                throw ShellMessages.unknownToolOption("check", argument, usage: Self.usage)
            default: files.append(argument)
            }
        }
        if files.isEmpty { throw ShellMessages.noFiles("check", usage: Self.usage) }
    }

    func run(console: Console, environment: [String: String]) throws(ShellError) -> Int32 {
        let sources = try files.map { (path) throws(ShellError) in try Tools.read(path) }
        let analyses = sources.map(Tools.analyze)
        let catalogue = offline ? nil : try CatalogueSource(options: options, environment: environment, console: console)
            .catalogue(refresh: refresh)
        var errors = 0
        for (file, analysis) in zip(sources, analyses) {
            var diagnostics = analysis.diagnostics
            if diagnostics.isEmpty { diagnostics = CatalogueChecks.diagnostics(analysis.commands, catalogue: catalogue) }
            errors += diagnostics.count
            for diagnostic in diagnostics {
                if options.output == .json {
                    console.line(DiagnosticJSON.line(diagnostic, in: file))
                } else {
                    console.message(DiagnosticRenderer.render(diagnostic, in: file, color: console.colorErr))
                }
            }
        }
        console.message(ShellMessages.summary(files: sources.count, errors: errors))
        return errors == 0 ? ExitStatus.ok : ExitStatus.scriptError
    }
}
