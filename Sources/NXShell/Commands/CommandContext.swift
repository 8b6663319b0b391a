import NXLanguage

/// What a command may use: the session's connection and output, the profile's policy, and
/// the settings and spans of the statement being run. Built per invocation by `APIHost`.
struct CommandContext: Sendable {
    let connection: Connection
    let console: Console
    let renderer: Renderer
    let policy: RunPolicy
    let confirmer: any Confirmer
    let catalogue: ActionCatalogue
    /// Where relative paths of the script resolve (the script's directory), like `read()`.
    let baseDirectory: String
    let outcome: SessionOutcome
    let spans: InvocationSpans
    /// `CommandInvocation.settings`: the script's `dryrun` and the like at the time of the call.
    let settings: [String: Value]

    /// A value shown now (masked), for results a command must show before it throws.
    func show(_ value: Value) {
        console.line(renderer.render(Masking.mask(value)))
    }

    /// `--dry-run` wins over the script: `dryrun = false` cannot turn a rehearsal into a run.
    /// Anything but a bool is an error so a typo such as `dryrun = "no"` cannot silently send.
    func dryRun() throws -> Bool {
        switch settings[SessionOutcome.dryRunVariable] {
        case .bool(let flag)?: return policy.dryRun || flag
        case nil, .null?: return policy.dryRun
        case let other?:
            throw HostError(ShellMessages.dryRunType(other.typeName), notes: [ShellMessages.dryRunNote],
                            exitCode: ExitStatus.runtime)
        }
    }
}
