import NXLanguage

/// Every message of `check`, `fmt` and `lsp`, in one place.
enum ToolMessages {
    static func cannotOpen(_ path: String) -> ShellError {
        ShellError("cannot open script '\(path)'", exitCode: ExitStatus.noInput)
    }
    static func unknownOption(_ tool: String, _ option: String, usage: String) -> ShellError {
        ShellError("unknown option '\(option)' for 'nxsh \(tool)'", notes: ["usage: \(usage)"], exitCode: ExitStatus.usage)
    }
    static func noFiles(_ tool: String, usage: String) -> ShellError {
        ShellError("'nxsh \(tool)' needs at least one script file", notes: ["usage: \(usage)"], exitCode: ExitStatus.usage)
    }

    // MARK: check

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
    static func notAPIEnabled(_ id: String) -> (String, [String]) {
        ("\(id) is not enabled for API execution", ["enable 'API' targeting for it in Nexthink first"])
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

    static func wouldReformat(_ path: String) -> String { "\(path): would be reformatted" }
}
