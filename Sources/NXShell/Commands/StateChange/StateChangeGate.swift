import NXLanguage

/// The checks every state-changing command makes before anything is sent, in this order:
/// the profile's policy (read-only, allow-list), consent when no terminal can ask, then — after
/// the command has built and validated its request — dry run or confirmation.
struct StateChangeGate {
    /// What the command changes, for messages.
    struct Kind: Sendable {
        /// After "profile 'x' is read-only: ", e.g. `remote actions cannot be run`.
        var refusal: String
        var command: String
        /// The profile's allow-list for this kind (`allowed_actions`), nil when it has none.
        var allowListKey: String?
    }

    let kind: Kind
    let context: CommandContext

    /// Read-only profiles refuse every state change; an allow-list refuses ids not on it.
    func checkPolicy(_ id: String, allowed: [String]?) throws {
        let profile = ShellMessages.profileName(context.connection.label)
        if context.policy.readOnly {
            throw HostError(ShellMessages.readOnly(profile, kind.refusal),
                            notes: [ShellMessages.readOnlyNote(kind.command)], exitCode: ExitStatus.permission)
        }
        if let allowed, let key = kind.allowListKey, !allowed.contains(id) {
            throw HostError(ShellMessages.notAllowed(id, key, profile),
                            notes: [ShellMessages.allowedNote(allowed)], exitCode: ExitStatus.permission)
        }
    }

    /// Without a terminal nobody can answer "Proceed?": refuse before anything is fetched,
    /// logged or sent, unless the caller consented up front (`--yes`, `confirm = false`).
    func checkConsent(_ id: String, rehearsal: Bool) throws {
        let policy = context.policy
        guard !rehearsal, !policy.skipConfirmation, !policy.interactive else { return }
        throw HostError(ShellMessages.consentRequired(id), notes: ShellMessages.consentNotes,
                        exitCode: ExitStatus.usage)
    }

    /// Asks on the terminal unless the caller consented up front; no means nothing is sent.
    func confirm(_ id: String, prompt: String) async throws {
        guard !context.policy.skipConfirmation else { return }
        guard await context.confirmer.confirm(prompt) else {
            throw HostError(ShellMessages.cancelled(id), exitCode: ExitStatus.runtime)
        }
    }
}
