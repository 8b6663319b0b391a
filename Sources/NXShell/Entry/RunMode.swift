import NXLanguage

/// Which source nxsh runs. Every mode ends in `Session.run`.
enum RunMode: Equatable {
    case expressions([String], arguments: [String])
    case file(String, arguments: [String])
    case stdin(arguments: [String])
    case repl

    static func decide(_ options: ShellOptions, stdinIsTerminal: Bool) throws(ShellError) -> RunMode {
        let rest = options.scriptAndArguments
        if !options.expressions.isEmpty { return .expressions(options.expressions, arguments: rest) }
        guard let first = rest.first else { return stdinIsTerminal ? .repl : .stdin(arguments: []) }
        if first == "-" { return .stdin(arguments: Array(rest.dropFirst())) }
        // captureForPassthrough hands us unknown options too: reject them instead of trying
        // to open a file named "--frobnicate".
        if first.hasPrefix("-") {
            throw ShellMessages.unknownOption(first)
        }
        return .file(first, arguments: Array(rest.dropFirst()))
    }

    var arguments: [String] {
        switch self {
        case .expressions(_, let a), .file(_, let a), .stdin(let a): a
        case .repl: []
        }
    }
}
