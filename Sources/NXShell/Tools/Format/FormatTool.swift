import Foundation
import NXLanguage

/// `nxsh fmt [--check] FILE…` rewrites files in the canonical layout; `nxsh fmt -` formats
/// stdin to stdout (the editors' `formatprg`). With `--check` nothing is written: the files
/// that would change are named and the exit status is 1.
struct FormatTool {
    static let usage = ShellMessages.fmtUsage
    var files: [String] = []
    var check = false

    init(_ arguments: [String]) throws(ShellError) {
        for argument in arguments {
            switch argument {
            case "--check": check = true
            case _ where argument.hasPrefix("-") && argument != "-":
                throw ShellMessages.unknownToolOption("fmt", argument, usage: Self.usage)
            default: files.append(argument)
            }
        }
        if files.isEmpty { throw ShellMessages.noFiles("fmt", usage: Self.usage) }
    }

    func run(console: Console) throws(ShellError) -> Int32 {
        var status = ExitStatus.ok
        for path in files {
            let file = path == "-" ? SourceFile(name: "<stdin>", text: Self.readStandardInput()) : try Tools.read(path)
            switch Layout.format(file) {
            case .failure(let failure):
                console.message(DiagnosticRenderer.render(failure.diagnostics, in: file, color: console.colorErr))
                status = ExitStatus.scriptError
            case .success(let text) where path == "-":
                if check, text != file.text { console.message(ShellMessages.wouldReformat(file.name)); status = max(status, ExitStatus.failure) }
                if !check, !text.isEmpty { console.line(String(text.dropLast())) }
            case .success(let text) where text != file.text:
                if check {
                    console.line(ShellMessages.wouldReformat(path))
                    status = max(status, ExitStatus.failure)
                } else if !FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) {
                    throw ShellMessages.cannotWriteFormatted(path)
                }
            case .success:
                break
            }
        }
        return status
    }

    private static func readStandardInput() -> String {
        String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }
}
