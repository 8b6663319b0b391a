import NXLanguage
import NexthinkClient

/// Messages of the tools: `check`, `fmt` and `lsp`.
extension ShellMessages {
    static func cannotOpen(_ path: String) -> ShellError {
        ShellError("cannot open script '\(path)'", exitCode: ExitStatus.noInput)
    }
    static func unknownToolOption(_ tool: String, _ option: String, usage: String) -> ShellError {
        ShellError("unknown option '\(option)' for 'nxsh \(tool)'", notes: ["usage: \(usage)"], exitCode: ExitStatus.usage)
    }
    static func noFiles(_ tool: String, usage: String) -> ShellError {
        ShellError("'nxsh \(tool)' needs at least one script file", notes: ["usage: \(usage)"], exitCode: ExitStatus.usage)
    }

    // MARK: check

    static let checkUsage = "nxsh check [--offline] [--refresh] [-o table|json] [--sandbox] [--profile NAME] FILE..."

    static func catalogueAge(_ counts: String, label: String, age: String, cached: Bool) -> String {
        cached
            ? "nxsh check: catalogue of \(label): \(counts), cached \(age) ago (--refresh to update)"
            : "nxsh check: catalogue of \(label): \(counts), fetched now"
    }
    static func summary(files: Int, errors: Int) -> String {
        let scripts = "\(files) script\(files == 1 ? "" : "s")"
        return errors == 0 ? "nxsh check: \(scripts), no problems" : "nxsh check: \(scripts), \(errors) error\(errors == 1 ? "" : "s")"
    }
    static func catalogueUnavailable(_ error: any Error) -> ShellError {
        let offline = "use --offline to check without the catalogue"
        switch ErrorMapping.hostError(error) {
        case let host as HostError:
            return ShellError("cannot read the catalogue: \(host.message)", notes: host.notes + [offline],
                              exitCode: host.exitCode)
        case let other:
            return ShellError("cannot read the catalogue: \(other)", notes: [offline], exitCode: ExitStatus.unreachable)
        }
    }
    static func unknownID(_ id: String, _ kind: CatalogueKind, near: [String]) -> (String, [String]) {
        ("unknown \(kind.noun) '\(id)'",
         (near.isEmpty ? [] : ["did you mean " + near.map { "'\($0)'" }.joined(separator: ", ") + "?"])
            + ["`\(kind.listCommand)` shows every \(kind.noun)"])
    }
    /// Remote actions have inputs; workflows and campaigns have parameters.
    static func unknownInput(_ name: String, of id: String, _ kind: CatalogueKind, inputs: [String], near: String?) -> (String, [String]) {
        let word = kind == .action ? "input" : "parameter"
        return ("unknown \(word) '\(name)' of \(id)",
                (near.map { ["did you mean '\($0)'?"] } ?? [])
                    + [inputs.isEmpty ? "\(id) takes no \(word)s" : "its \(word)s are: \(inputs.joined(separator: ", "))"])
    }
    static func valueNotAllowed(_ value: String, input: String, options: [String]) -> (String, [String]) {
        ("'\(value)' is not an allowed value of '\(input)'", ["choose one of: \(options.joined(separator: ", "))"])
    }
    static func invalidDevice(_ text: String) -> (String, [String]) {
        ("invalid device id '\(text.prefix(80))'", ["devices are collector UUIDs like 3fa85f64-5717-4562-b3fc-2c963f66afa6"])
    }

    // MARK: fmt

    static let fmtUsage = "nxsh fmt [--check] FILE... | nxsh fmt -"

    static func wouldReformat(_ path: String) -> String { "\(path): would be reformatted" }
    static func cannotWriteFormatted(_ path: String) -> ShellError {
        ShellError("cannot write '\(path)'", exitCode: ExitStatus.ioError)
    }

    /// "5 min", "2 h", "3 d": how old the cached catalogue is.
    static func age(seconds: Int) -> String {
        switch seconds {
        case ..<60: "\(seconds) s"
        case ..<3600: "\(seconds / 60) min"
        case ..<86_400: "\(seconds / 3600) h"
        default: "\(seconds / 86_400) d"
        }
    }

    // MARK: lsp

    static let notARequest = "not a JSON-RPC request"
    static func methodNotFound(_ method: String) -> String { "method not found: \(method)" }
    static let badContentLength = "missing or invalid Content-Length header"
    static let notJSON = "the message is not valid JSON"

    static let readSignature = "read(path) -> list of lines"
    static let nowSignature = "now() -> ISO 8601 time"

    /// The hover text (Markdown) of a remote action id.
    static func actionHover(_ action: RemoteAction) -> String {
        var platforms: [String] = []
        if action.scriptInfo.hasScriptWindows { platforms.append("Windows") }
        if action.scriptInfo.hasScriptMacOs { platforms.append("macOS") }
        var lines = ["**\(action.name)** `\(action.id)`", "", action.description, "",
                     "platforms: \(platforms.isEmpty ? "none" : platforms.joined(separator: ", "))"]
        let inputs = action.scriptInfo.inputs
        lines.append(inputs.isEmpty ? "inputs: none" : "inputs:")
        lines += inputs.map { input in
            "- `\(input.name)`: \(input.description)" + (input.allowCustomValue || input.options.isEmpty
                ? "" : " (one of: \(input.options.joined(separator: ", ")))")
        }
        return lines.joined(separator: "\n")
    }

    /// The hover text (Markdown) of a workflow or campaign id.
    static func itemHover(_ item: CatalogueItem, _ kind: CatalogueKind) -> String {
        var lines = ["**\(item.name)** `\(item.id)` (\(kind.noun))", ""]
        if !item.description.isEmpty { lines += [item.description, ""] }
        lines += item.facts
        lines.append(item.parameters.map { $0.isEmpty ? "parameters: none" : "parameters: " + $0.map { "`\($0)`" }.joined(separator: ", ") }
            ?? "parameters: not declared by the service")
        return lines.joined(separator: "\n")
    }
}
