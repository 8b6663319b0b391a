#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NXLanguage
import Synchronization

/// Where text goes: data on stdout, messages on stderr. Writes are whole lines, serialised, so
/// output of concurrent tasks never interleaves mid-line. Tests inject their own sinks.
/// Everything written is escaped (TerminalText) except the styling that `styled` adds itself.
final class Console: Sendable {
    typealias Sink = @Sendable (String) -> Void

    private let out: Sink
    fileprivate let err: Sink
    fileprivate let lock = Mutex(())
    /// ANSI colour on stdout / stderr.
    let colorOut: Bool
    let colorErr: Bool

    init(out: @escaping Sink, err: @escaping Sink, colorOut: Bool = false, colorErr: Bool = false) {
        self.out = out
        self.err = err
        self.colorOut = colorOut
        self.colorErr = colorErr
    }

    /// The process's own stdout/stderr; colour only on a terminal and never with NO_COLOR.
    /// After stdout failed both are dropped (the run is being stopped; its "interrupted" is
    /// noise): a closed pipe ends nxsh quietly, other failures get one final report from a
    /// console made with `quietAfterFailure: false`.
    static func standard(environment: [String: String], quietAfterFailure: Bool = true) -> Console {
        let allowed = environment["NO_COLOR"].nonEmpty == nil && environment["TERM"] != "dumb"
        return Console(
            out: { text in
                guard OutputHealth.failure == nil else { return }
                if let code = writeAll(1, text) { OutputHealth.record(code) }
            },
            err: { text in
                guard !quietAfterFailure || OutputHealth.failure == nil else { return }
                _ = writeAll(2, text)
            },
            colorOut: allowed && isatty(1) == 1, colorErr: allowed && isatty(2) == 1)
    }

    func line(_ text: String) {
        let safe = TerminalText.escape(text)
        lock.withLock { _ in out(safe + "\n") }
    }

    func message(_ text: String) {
        styled(TerminalText.escape(text))
    }

    /// A message whose outside parts were escaped already and that carries our own styling.
    func styled(_ text: String) {
        lock.withLock { _ in err(text + "\n") }
    }

    /// `nxsh: error: ...` plus notes, for failures outside the language.
    func report(_ error: ShellError, severity: String = "error") {
        let label = colorErr ? "\u{1B}[1;\(severity == "error" ? 31 : 35)m\(severity):\u{1B}[0m" : severity + ":"
        let notes = error.notes.map { "\n  " + TerminalText.escape($0).replacingNewlines(with: "\n  ") }.joined()
        styled("nxsh: \(label) \(TerminalText.escape(error.message))\(notes)")
    }

    /// Writes all of `text`; the errno of a failed write, nil when all of it went out.
    private static func writeAll(_ fd: Int32, _ text: String) -> Int32? {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return n < 0 ? errno : EIO }
            bytes = bytes.dropFirst(n)
        }
        return nil
    }
}

extension String {
    func replacingNewlines(with replacement: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

extension Console {
    /// A question on stderr without a trailing newline.
    func prompt(_ text: String) {
        let safe = TerminalText.escape(text)
        lock.withLock { _ in err(safe) }
    }

    /// Overwrites the current stderr line (progress); `text` is escaped, the line control is ours.
    func statusLine(_ text: String) {
        let safe = TerminalText.escape(text, keepingLayout: false)
        lock.withLock { _ in err("\r\u{1B}[K" + safe) }
    }
}
