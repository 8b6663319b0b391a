#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Asks the person at the terminal before a remote action runs.
protocol Confirmer: Sendable {
    func confirm(_ prompt: String) async -> Bool
}

/// Reads the answer from the terminal on stdin, polling so that Ctrl-C (which cancels the
/// evaluation task) also cancels the question; cancelled or EOF means no.
struct TerminalConfirmer: Confirmer {
    let console: Console

    func confirm(_ prompt: String) async -> Bool {
        console.prompt(prompt)
        var answer: [UInt8] = []
        while !Task.isCancelled {
            var fds = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            let ready = poll(&fds, 1, 100)
            if ready <= 0 { continue }
            var byte: UInt8 = 0
            guard read(0, &byte, 1) == 1 else { return false }
            if byte == UInt8(ascii: "\n") { break }
            answer.append(byte)
        }
        if Task.isCancelled {
            console.message("")  // the answer line was never finished
            return false
        }
        let text = String(decoding: answer, as: UTF8.self).trimmingSpaces().lowercased()
        return text == "y" || text == "yes"
    }
}
