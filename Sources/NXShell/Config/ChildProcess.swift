#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NXLanguage

/// A `/bin/sh -c` child in its own process group with stdout on a pipe, stdin on /dev/null and
/// default signal handling, driven by poll() so the caller keeps control (deadline, Ctrl-C).
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

    static func spawnShell(_ command: String) throws(ShellError) -> ChildProcess {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw spawnError(errno) }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        var pid: pid_t = 0
        let status = withSpawnSetup(writeEnd: fds[1]) { actions, attributes in
            let words: [String] = ["/bin/sh", "-c", command]
            let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            return posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ)
        }
        close(fds[1])
        guard status == 0 else {
            close(fds[0])
            throw spawnError(status)
        }
        return ChildProcess(pid: pid, output: fds[0])
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

    /// stdin from /dev/null, stdout to the pipe, a new process group, no blocked or ignored
    /// signals (our threads block SIGINT and ignore SIGPIPE; the child must not inherit that).
    private static func withSpawnSetup(writeEnd: Int32,
                                       _ body: (inout SpawnActions, inout SpawnAttributes) -> Int32) -> Int32 {
        var actions = SpawnActions()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_addclose(&actions, writeEnd)
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

    private static func spawnError(_ code: Int32) -> ShellError {
        ShellError(ShellMessages.secretCommandFailedToStart + ": " + String(cString: strerror(code)),
                   exitCode: ExitStatus.config)
    }
}

/// kill(2), which `ChildProcess.kill()` would otherwise shadow.
private func sendSignal(_ pid: pid_t, _ signal: Int32) -> Int32 {
    kill(pid, signal)
}
