#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Where text goes: data on stdout, messages on stderr. Writes are whole lines, serialised, so
/// output of concurrent tasks never interleaves mid-line. Tests inject their own sinks.
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
    static func standard(environment: [String: String]) -> Console {
        let allowed = environment["NO_COLOR"].nonEmpty == nil && environment["TERM"] != "dumb"
        return Console(out: { writeAll(1, $0) }, err: { writeAll(2, $0) },
                       colorOut: allowed && isatty(1) == 1, colorErr: allowed && isatty(2) == 1)
    }

    func line(_ text: String) {
        lock.withLock { _ in out(text + "\n") }
    }

    func message(_ text: String) {
        lock.withLock { _ in err(text + "\n") }
    }

    /// `nxsh: error: ...` plus notes, for failures outside the language.
    func report(_ error: ShellError, severity: String = "error") {
        let label = colorErr ? "\u{1B}[1;\(severity == "error" ? 31 : 35)m\(severity):\u{1B}[0m" : severity + ":"
        let notes = error.notes.map { "\n  " + $0.replacingNewlines(with: "\n  ") }.joined()
        message("nxsh: \(label) \(error.message)\(notes)")
    }

    private static func writeAll(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return }
            bytes = bytes.dropFirst(n)
        }
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
        lock.withLock { _ in err(text) }
    }
}
