import NXLanguage
import Synchronization

/// Session-wide fleet state: the `dryrun` variable and the exit status a partially failed run
/// leaves behind once the script ends.
final class FleetState: Sendable {
    /// The session variable scripts set to rehearse: `dryrun = true`.
    static let dryRunVariable = "dryrun"

    private struct State {
        weak var interpreter: Interpreter?
        var exitStatus: Int32?
    }

    private let state = Mutex(State())

    func bind(_ interpreter: Interpreter) {
        state.withLock { $0.interpreter = interpreter }
    }

    /// True when the script set `dryrun = true`; anything but a bool is an error so a typo
    /// such as `dryrun = "no"` cannot silently send.
    func dryRunRequested() async throws -> Bool {
        guard let interpreter = state.withLock({ $0.interpreter }) else { return false }
        switch await interpreter.value(of: Self.dryRunVariable) {
        case .bool(let flag)?: return flag
        case nil, .null?: return false
        case let other?:
            throw HostError("`dryrun` must be true or false, not \(other.typeName)",
                            notes: ["write `dryrun = true` to rehearse runs, `dryrun = false` to send them"],
                            exitCode: ExitStatus.runtime)
        }
    }

    /// Remembers that a run was only partly carried out; the process exits with this status
    /// even if the script goes on and ends normally.
    func notePartialFailure() {
        state.withLock { $0.exitStatus = ExitStatus.partialFailure }
    }

    var exitStatus: Int32? {
        state.withLock { $0.exitStatus }
    }
}
