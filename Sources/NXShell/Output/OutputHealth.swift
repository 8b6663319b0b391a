#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NXLanguage
import Synchronization

private let stdoutFailure = Atomic<Int32>(0)

/// The first failed write to stdout. Output that cannot be written ends the run: a closed pipe
/// (`nxsh … | head -1`) quietly, anything else (a full disk, an I/O error) as exit 74.
enum OutputHealth {
    /// The errno of the first failed write to stdout, nil while all went well.
    static var failure: Int32? {
        let code = stdoutFailure.load(ordering: .relaxed)
        return code == 0 ? nil : code
    }

    static func record(_ code: Int32) {
        _ = stdoutFailure.compareExchange(expected: 0, desired: code == 0 ? EIO : code, ordering: .relaxed)
    }

    /// A broken pipe shows up as an errno, not a signal that kills the process mid-write.
    static func ignoreSIGPIPE() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// The process status and message for a failed stdout: 141 (128 + SIGPIPE, what shells
    /// report for a writer whose reader left) with no message, or 74 with one.
    static func outcome() -> (status: Int32, error: ShellError?)? {
        guard let failure else { return nil }
        if failure == EPIPE { return (ExitStatus.brokenPipe, nil) }
        let reason = String(cString: strerror(failure))
        return (ExitStatus.ioError, ShellError(ShellMessages.cannotWriteOutput(reason), exitCode: ExitStatus.ioError))
    }
}
