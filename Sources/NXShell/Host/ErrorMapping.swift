import NXLanguage
import NexthinkClient

/// API and shell failures → `HostError` with the exit status the process should end with.
enum ErrorMapping {
    static func hostError(_ error: any Error) -> any Error {
        switch error {
        case let e as NexthinkError: return hostError(e)
        case let e as ValidationError:
            return HostError(ShellMessages.requestProblems(e.problems.count),
                             notes: e.problems.map(\.description), exitCode: ExitStatus.runtime)
        case let e as ShellError: return HostError(e.message, notes: e.notes, exitCode: e.exitCode)
        case is HostError, is CancellationError: return error
        default: return HostError(ErrorPhrase.plain(error), exitCode: ExitStatus.runtime)
        }
    }

    static func hostError(_ e: NexthinkError) -> HostError {
        var tags: [String] = []
        if let status = e.status { tags.append(ShellMessages.httpStatus(status)) }
        if let code = e.code, !code.isEmpty, code != e.status.map(String.init) { tags.append(code) }
        var notes = e.problems.map(\.description)
        if let method = e.method, let path = e.path { notes.append(ShellMessages.failedRequest(method, path)) }
        if let hint = e.hint { notes.append(hint) }
        return HostError(ShellMessages.apiError(e.kind.label, tags: tags, e.message), notes: notes, exitCode: exitCode(e.kind))
    }

    static func exitCode(_ kind: NexthinkError.Kind) -> Int32 {
        switch kind {
        case .auth, .forbidden: ExitStatus.permission
        case .throttled: ExitStatus.throttled
        case .unreachable, .timeout: ExitStatus.unreachable
        case .configuration: ExitStatus.config
        case .notFound, .invalidRequest, .server, .outcomeUnknown, .decoding, .validation: ExitStatus.runtime
        }
    }
}

