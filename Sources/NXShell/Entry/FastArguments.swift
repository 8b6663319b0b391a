/// nxsh's own options read by hand for the common command lines, so a one-liner does not pay
/// for swift-argument-parser's reflection (about half of start-up). Anything it is not sure of
/// (help, version, completion scripts, an unknown or malformed option, a repeated option)
/// returns nil and the argument parser handles it, keeping its exact messages and exit 64.
enum FastArguments {
    /// The parsed options and whether the first free word came after `--` (then it is never a tool).
    static func parse(_ arguments: [String]) -> (options: ShellOptions, afterDashes: Bool)? {
        var options = ShellOptions()
        var seen: Set<String> = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" {
                options.scriptAndArguments = Array(arguments[(index + 1)...])
                return (options, true)
            }
            // The first free word (or `-` for stdin) starts the script and its arguments.
            if word == "-" || !word.hasPrefix("-") {
                options.scriptAndArguments = Array(arguments[index...])
                return (options, false)
            }
            let (name, inlineValue) = split(word)
            // Only `-e` may repeat; any other repeat is the argument parser's call.
            guard name == "-e" || seen.insert(canonical(name)).inserted else { return nil }
            if takesValue(name) {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index + 1 < arguments.count, !arguments[index + 1].hasPrefix("-") else { return nil }
                    index += 1
                    value = arguments[index]
                }
                guard apply(name, value, to: &options) else { return nil }
            } else {
                guard inlineValue == nil, setFlag(name, in: &options) else { return nil }
            }
            index += 1
        }
        return (options, false)
    }

    private static func split(_ word: String) -> (String, String?) {
        guard word.hasPrefix("--"), let equals = word.firstIndex(of: "=") else { return (word, nil) }
        return (String(word[..<equals]), String(word[word.index(after: equals)...]))
    }

    private static func canonical(_ name: String) -> String {
        switch name {
        case "-o": "--output"
        case "-y": "--yes"
        case "-v": "--verbose"
        default: name
        }
    }

    private static func takesValue(_ name: String) -> Bool {
        ["-e", "-o", "--output", "--profile", "--concurrency"].contains(name)
    }

    private static func apply(_ name: String, _ value: String, to options: inout ShellOptions) -> Bool {
        switch name {
        case "-e": options.expressions.append(value)
        case "-o", "--output":
            guard let format = OutputFormat(rawValue: value) else { return false }
            options.output = format
        case "--profile": options.profile = value
        default:
            guard let n = Int(value), n >= 1 else { return false }
            options.concurrency = n
        }
        return true
    }

    private static func setFlag(_ name: String, in options: inout ShellOptions) -> Bool {
        switch name {
        case "--sandbox": options.sandbox = true
        case "--dry-run": options.dryRun = true
        case "-y", "--yes": options.yes = true
        case "-v", "--verbose": options.verbose = true
        case "--no-token-cache": options.tokenCache = false
        default: return false
        }
        return true
    }
}
