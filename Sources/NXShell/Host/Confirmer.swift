#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Asks the person at the terminal before a state change is sent. What counts as yes (`y`,
/// or the number of devices to delete) is `StateChangeGate`'s decision.
protocol Confirmer: Sendable {
    /// The line typed after `prompt`, trimmed; nil when nobody answered (no terminal, end of
    /// input, Ctrl-C).
    func ask(_ prompt: String) async -> String?
}

/// Reads the answer from the controlling terminal (/dev/tty, opened per question), never from
/// stdin: a pasted or piped line must not become the answer. Type-ahead is discarded before
/// asking. Polls so that Ctrl-C (which cancels the evaluation task) also cancels the question;
/// cancelled, EOF or no terminal means no answer.
struct TerminalConfirmer: Confirmer {
    let console: Console

    func ask(_ prompt: String) async -> String? {
        let tty = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard tty >= 0 else { return nil }
        defer { close(tty) }
        tcflush(tty, TCIFLUSH)
        console.prompt(prompt)
        var answer: [UInt8] = []
        while !Task.isCancelled {
            var fds = pollfd(fd: tty, events: Int16(POLLIN), revents: 0)
            let ready = poll(&fds, 1, 100)
            if ready <= 0 { continue }
            var byte: UInt8 = 0
            guard read(tty, &byte, 1) == 1 else { return nil }
            if byte == UInt8(ascii: "\n") { break }
            answer.append(byte)
        }
        if Task.isCancelled {
            console.message("")  // the answer line was never finished
            return nil
        }
        return String(decoding: answer, as: UTF8.self).trimmingSpaces()
    }
}
