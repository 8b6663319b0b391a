import NXLanguage
import Synchronization

/// The exit status a partially failed run leaves behind once the script ends.
final class SessionOutcome: Sendable {
    /// The session variable scripts set to rehearse: `dryrun = true`.
    static let dryRunVariable = Vocabulary.dryRunVariable

    private let status = Mutex<Int32?>(nil)

    /// Remembers that a run was only partly carried out; the process exits with this status
    /// even if the script goes on and ends normally.
    func notePartialFailure() {
        status.withLock { $0 = ExitStatus.partialFailure }
    }

    var exitStatus: Int32? {
        status.withLock { $0 }
    }
}
