@preconcurrency import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// What the completion hook sees: the word under the cursor, the whole line and where the word
/// starts (UTF-8 offset), so completers can look at the words before it.
struct CompletionRequest: Sendable {
    var word: String
    var line: String
    var start: Int
}

typealias Completer = @Sendable (CompletionRequest) -> [String]

enum ReadResult: Equatable {
    case line(String)
    case interrupted
    case endOfInput
}

// libedit callbacks are @convention(c) and cannot capture: their state lives in globals.
private struct CompletionState: Sendable {
    var completer: Completer?
    var matches: [String] = []
    var next = 0
}
private let completionState = Mutex(CompletionState())
private let sigintSeen = Atomic<Bool>(false)
private let readerThread = Atomic<UInt>(0)

private func generator(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    completionState.withLock { st in
        if state == 0 {
            let word = text.map { String(cString: $0) } ?? ""
            let line = rl_line_buffer.map { String(cString: $0) } ?? ""
            let start = max(0, Int(rl_point) - word.utf8.count)
            st.matches = st.completer?(CompletionRequest(word: word, line: line, start: start)) ?? []
            st.next = 0
        }
        guard st.next < st.matches.count else { return nil }
        defer { st.next += 1 }
        return strdup(st.matches[st.next])
    }
}

private func attempted(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1  // an empty answer must not fall back to file names
    return rl_completion_matches(text, generator)
}

private func onSIGINT(_: Int32) {
    sigintSeen.store(true, ordering: .relaxed)
    // The reader may sit in read() on another thread with SIGINT unblocked; wake it there.
    let reader = readerThread.load(ordering: .relaxed)
    if reader != 0, reader != currentThreadID() {
        #if canImport(Glibc)
        pthread_kill(pthread_t(reader), SIGINT)
        #else
        if let thread = pthread_t(bitPattern: reader) { pthread_kill(thread, SIGINT) }
        #endif
    }
}

private func currentThreadID() -> UInt {
    #if canImport(Glibc)
    UInt(pthread_self())
    #else
    UInt(bitPattern: pthread_self())
    #endif
}

/// Ctrl-C bookkeeping shared by the editor and the evaluation loop.
enum Interrupts {
    /// Installs our SIGINT handler without SA_RESTART, so a blocked read() returns EINTR.
    /// Scripts also pass SIGTERM: both stop the run the same way (no new batch, partial result).
    static func install(_ signals: [Int32] = [SIGINT]) {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = onSIGINT
        #else
        action.__sigaction_u.__sa_handler = onSIGINT
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        // A parent may start us with these blocked (a thread of a Foundation Process parent
        // does); the calling (main) thread must receive them.
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals {
            sigaction(signal, &action, nil)
            sigaddset(&set, signal)
        }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// True while a Ctrl-C is waiting to be taken (a blocking helper checks without consuming).
    static var pending: Bool {
        sigintSeen.load(ordering: .relaxed)
    }

    /// True once per Ctrl-C since the last call.
    static func take() -> Bool {
        sigintSeen.exchange(false, ordering: .relaxed)
    }
}

/// libedit line editing with history and completion. Only for terminals: piped input never
/// reaches this type.
final class LineEditor {
    private let historyPath: String?
    private let historyLimit: Int32

    init(historyPath: String?, historyLimit: Int32 = 1000, completer: @escaping Completer) {
        self.historyPath = historyPath
        self.historyLimit = historyLimit
        rl_catch_signals = 0  // libedit's own handlers re-raise SIGINT to the process group
        rl_initialize()
        using_history()
        stifle_history(historyLimit)
        if let historyPath { _ = read_history(historyPath) }  // missing file: fine
        completionState.withLock { $0.completer = completer }
        rl_attempted_completion_function = attempted
        rl_completion_append_character = 32
        Interrupts.install()
    }

    func read(prompt: String) -> ReadResult {
        _ = Interrupts.take()
        var set = sigset_t()
        var saved = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        readerThread.store(currentThreadID(), ordering: .relaxed)
        pthread_sigmask(SIG_UNBLOCK, &set, &saved)
        let raw = readline(prompt)
        readerThread.store(0, ordering: .relaxed)
        pthread_sigmask(SIG_SETMASK, &saved, nil)
        guard let raw else { return Interrupts.take() ? .interrupted : .endOfInput }
        defer { free(raw) }
        return .line(String(cString: raw))
    }

    /// Adds an entry unless it repeats the previous one; completion leaves trailing spaces.
    func remember(_ entry: String) {
        let trimmed = entry.trimmingTrailingSpaces()
        guard !trimmed.isEmpty else { return }
        if history_length > 0, let last = history_get(history_base + history_length - 1),
           let text = last.pointee.line, String(cString: text) == trimmed {
            return
        }
        add_history(trimmed)
    }

    func saveHistory() {
        guard let historyPath else { return }
        stifle_history(historyLimit)
        _ = write_history(historyPath)
        chmod(historyPath, 0o600)
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
