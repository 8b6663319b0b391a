import Synchronization

/// One self-overwriting status line on stderr (`\r` + erase), for long runs and waits. Silent
/// unless enabled (stderr is a terminal), so logs and pipes never get control characters.
final class ProgressLine: Sendable {
    private let console: Console
    private let enabled: Bool
    private let shown = Mutex(false)

    init(console: Console, enabled: Bool) {
        self.console = console
        self.enabled = enabled
    }

    func update(_ text: String) {
        guard enabled else { return }
        shown.withLock { shown in
            console.statusLine(text)
            shown = true
        }
    }

    /// Erases the line so the next message starts clean.
    func finish() {
        guard enabled else { return }
        shown.withLock { shown in
            if shown { console.statusLine("") }
            shown = false
        }
    }
}
