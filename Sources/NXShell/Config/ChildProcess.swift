#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NXLanguage

/// A child in its own process group with stdout on a pipe and default signal handling, driven
/// by poll() so the caller keeps control (deadline, Ctrl-C): a `/bin/sh -c` command (stdin on
/// /dev/null) or the sandbox emulator (stdin on a pipe we hold, stderr with stdout).
/// No Foundation Process/FileHandle: their blocking reads cannot be interrupted.
struct ChildProcess {
    enum Ending: Equatable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
        case interrupted
    }

    let pid: pid_t
    private let output: Int32
    /// The write end of the child's stdin, -1 when stdin is /dev/null.
    private let input: Int32

    static func spawnShell(_ command: String) throws(ShellError) -> ChildProcess {
        do throws(SpawnFailure) {
            return try spawn("/bin/sh", ["/bin/sh", "-c", command], inputPipe: false)
        } catch {
            throw ShellError(ShellMessages.secretCommandFailedToStart + ": " + error.reason, exitCode: ExitStatus.config)
        }
    }

    struct SpawnFailure: Error {
        let code: Int32
        var reason: String { String(cString: strerror(code)) }
    }

    /// With `inputPipe`, the child's stdin is a pipe whose write end only we hold (close-on-exec,
    /// so no other child inherits it) and its stderr goes to the stdout pipe.
    static func spawn(_ path: String, _ arguments: [String], inputPipe: Bool) throws(SpawnFailure) -> ChildProcess {
        var outputFDs: [Int32] = [-1, -1], inputFDs: [Int32] = [-1, -1]
        guard pipe(&outputFDs) == 0 else { throw SpawnFailure(code: errno) }
        if inputPipe, pipe(&inputFDs) != 0 {
            let code = errno
            outputFDs.forEach { close($0) }
            throw SpawnFailure(code: code)
        }
        (outputFDs + inputFDs).filter { $0 >= 0 }.forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) }
        var pid: pid_t = 0
        let status = withSpawnSetup(outputEnd: outputFDs[1], inputEnd: inputPipe ? inputFDs[0] : nil) { actions, attributes in
            let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            return posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        }
        close(outputFDs[1])
        if inputPipe { close(inputFDs[0]) }
        guard status == 0 else {
            close(outputFDs[0])
            if inputPipe { close(inputFDs[1]) }
            throw SpawnFailure(code: status)
        }
        return ChildProcess(pid: pid, output: outputFDs[0], input: inputPipe ? inputFDs[1] : -1)
    }

    /// The next bytes of stdout: empty when nothing came within the wait, nil at end of output.
    func readOutput(waitingMilliseconds: Int32) -> [UInt8]? {
        var poller = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, waitingMilliseconds) > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
        if n < 0, errno == EINTR || errno == EAGAIN { return [] }
        return n > 0 ? Array(buffer.prefix(n)) : nil
    }

    func closeOutput() {
        close(output)
    }

    /// The child sees the end of its stdin.
    func closeInput() {
        if input >= 0 { close(input) }
    }

    /// Waits for the child (it may outlive its stdout) without passing the deadline.
    func waitForExit(until deadline: Double, cancelled: () -> Bool) -> Ending {
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { return Self.ending(status) }
            if reaped < 0, errno != EINTR { return .exited(-1) }
            if cancelled() { kill(); return .interrupted }
            if Self.now() >= deadline { kill(); return .timedOut }
            _ = poll(nil, 0, 20)
        }
    }

    /// Kills the whole group (the shell and whatever it started) and reaps the shell.
    func kill() {
        _ = sendSignal(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    #if canImport(Glibc)
    private typealias SpawnActions = posix_spawn_file_actions_t
    private typealias SpawnAttributes = posix_spawnattr_t
    #else
    private typealias SpawnActions = posix_spawn_file_actions_t?
    private typealias SpawnAttributes = posix_spawnattr_t?
    #endif

    /// stdin from /dev/null (or `inputEnd`, then stderr to the pipe too), stdout to the pipe, a
    /// new process group (a Ctrl-C at the terminal is ours to handle), no blocked or ignored
    /// signals (our threads block SIGINT and ignore SIGPIPE; the child must not inherit that).
    /// The pipe ends are close-on-exec; dup2 gives the child copies without that flag.
    private static func withSpawnSetup(outputEnd: Int32, inputEnd: Int32?,
                                       _ body: (inout SpawnActions, inout SpawnAttributes) -> Int32) -> Int32 {
        var actions = SpawnActions()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let inputEnd {
            posix_spawn_file_actions_adddup2(&actions, inputEnd, 0)
            posix_spawn_file_actions_adddup2(&actions, outputEnd, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, outputEnd, 1)
        var attributes = SpawnAttributes()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        var noneBlocked = sigset_t()
        sigemptyset(&noneBlocked)
        posix_spawnattr_setsigmask(&attributes, &noneBlocked)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        return body(&actions, &attributes)
    }

    /// wait(2) status decoding (the W* macros do not import into Swift).
    private static func ending(_ status: Int32) -> Ending {
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
    }
}

/// kill(2), which `ChildProcess.kill()` would otherwise shadow.
private func sendSignal(_ pid: pid_t, _ signal: Int32) -> Int32 {
    kill(pid, signal)
}
