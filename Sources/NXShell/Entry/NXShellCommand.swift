import ArgumentParser
import NXLanguage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `nxsh` command line. Synchronous on purpose: the REPL must read on the main thread so Ctrl-C
/// interrupts read() (an async root runs `run()` on a worker with SIGINT blocked).
public struct NXShellCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "nxsh",
        abstract: "A shell for the Nexthink Infinity Remote Actions API.",
        discussion: """
            With no script and a terminal on stdin, nxsh starts an interactive session; piped \
            input runs as a script. Arguments after the script file are available as `args`.

            Examples:
              nxsh --sandbox                          try it with the built-in emulator
              nxsh -e 'list windows | select id, name'
              nxsh -o json -e 'get #restart_service'  JSON, one document per line
              nxsh runbook.nxs LAPTOP-01 LAPTOP-02    run a file; `args` = the rest
              nxsh --profile prod --dry-run fix.nxs   check what would run, send nothing
              echo 'token' | nxsh --sandbox           script from stdin
              nxsh check runbook.nxs                  find errors without running (--offline, -o json)
              nxsh fmt [--check] runbook.nxs          canonical layout; `nxsh fmt -` for stdin
              nxsh lsp                                language server for editors (stdio)

            Connection: NEXTHINK_INSTANCE, NEXTHINK_REGION, NEXTHINK_CLIENT_ID, \
            NEXTHINK_CLIENT_SECRET (or client_secret_command in a profile), NEXTHINK_API_URL, \
            NEXTHINK_TOKEN_URL, NXSH_PROFILE; profiles live in $XDG_CONFIG_HOME/nxsh/config.toml.
            Exit codes: 0 ok, 64 usage/missing settings/`run` without a terminal and without \
            --yes, 65 script error (nothing ran), 66 cannot open script, 69 service unreachable, \
            70 runtime error, 71 run partly failed (some batches not accepted) or export truncated, 74 cannot write \
            output, 75 throttled, 77 authentication/permission, 78 bad configuration, \
            130 interrupted, 141 output pipe closed.
            """,
        version: ShellVersion.current)

    @Option(name: .customShort("e"), help: ArgumentHelp("Run this code (repeatable; runs in order).", valueName: "code"))
    var expressions: [String] = []

    @Option(name: [.short, .long], help: "Output format for shown values: table or json.")
    var output: OutputFormat = .table

    @Flag(help: "Run against a built-in emulator of the Nexthink API (no settings needed).")
    var sandbox = false

    @Option(help: "Use this profile from config.toml (default: NXSH_PROFILE, then default_profile).")
    var profile: String?

    @Flag(help: "Validate and show what `run` would do, but never execute a remote action.")
    var dryRun = false

    @Option(help: ArgumentHelp("Batches of a large `run` sent at once (default: profile `concurrency`, else 4).",
                               valueName: "n"))
    var concurrency: Int?

    @Flag(name: [.short, .long], help: "Do not ask for confirmation before running remote actions (needed without a terminal).")
    var yes = false

    @Flag(name: [.short, .long], help: "Trace HTTP requests to stderr (credentials redacted).")
    var verbose = false

    @Flag(help: "Do not read or write the on-disk token cache.")
    var noTokenCache = false

    @Argument(parsing: .captureForPassthrough,
              help: ArgumentHelp("Script file to run, then its arguments (`args` in the script).",
                                 valueName: "script-and-args"))
    var scriptAndArguments: [String] = []

    public init() {}

    public func run() throws {
        // captureForPassthrough also swallows the built-in flags when they come first.
        switch scriptAndArguments.first {
        case "--help", "-h": throw CleanExit.helpRequest(self)
        case "--version": throw CleanExit.message(ShellVersion.current)
        default: break
        }
        let code = Self.dispatch(options(), toolAllowed: scriptAndArguments.first != "--")
        if code != ExitStatus.ok { throw ExitCode(code) }
    }

    /// The entry point: the hand-written fast path when it understands the command line, else
    /// the argument parser (help, version, completion scripts, usage errors).
    public static func main() {
        guard let fast = FastArguments.parse(Array(CommandLine.arguments.dropFirst())) else {
            return main(nil)
        }
        terminate(dispatch(fast.options, toolAllowed: !fast.afterDashes))
    }

    /// Runs a tool (`check`, `fmt`, `lsp` as the first free word, not after `--`) or the shell.
    static func dispatch(_ options: ShellOptions, toolAllowed: Bool) -> Int32 {
        if toolAllowed, let first = options.scriptAndArguments.first, Tools.selects(first) {
            return Tools.run(first, Array(options.scriptAndArguments.dropFirst()), options: options)
        }
        return Shell.run(options)
    }

    public func validate() throws {
        if let concurrency, concurrency < 1 {
            throw ValidationError(ShellMessages.concurrencyTooLow(concurrency))
        }
    }

    func options() -> ShellOptions {
        ShellOptions(expressions: expressions, output: output, sandbox: sandbox, profile: profile,
                     dryRun: dryRun, concurrency: concurrency, yes: yes, verbose: verbose, tokenCache: !noTokenCache,
                     scriptAndArguments: scriptAndArguments.first == "--" ? Array(scriptAndArguments.dropFirst())
                                                                          : scriptAndArguments)
    }
}

/// At file scope, where `exit` is the C function (inside the command it is the parser's method).
private func terminate(_ status: Int32) -> Never {
    exit(status)
}

enum OutputFormat: String, ExpressibleByArgument, Sendable, CaseIterable {
    case table, json
}

enum ShellVersion {
    static let current = "0.1.0"
}

struct ShellOptions: Sendable {
    var expressions: [String] = []
    var output: OutputFormat = .table
    var sandbox = false
    var profile: String?
    var dryRun = false
    var concurrency: Int?
    var yes = false
    var verbose = false
    var tokenCache = true
    var scriptAndArguments: [String] = []
    /// Live progress lines for long runs and waits; set when stderr is a terminal.
    var progress = false
}
