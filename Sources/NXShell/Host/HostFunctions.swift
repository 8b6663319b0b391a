import Foundation
import NXLanguage

/// Functions the host adds to the language: `read(path)`, `now()`, `read_csv(path)`, `write_csv(list, path)`.
struct HostFunctions: Sendable {
    static let names = ["now", "read", "read_csv", "write_csv"]

    /// Relative paths in `read` resolve against this directory: the script's own directory
    /// for script files (so a runbook finds its device list wherever it is run from), the
    /// current directory for -e, stdin and the REPL.
    let baseDirectory: String
    /// Line numbers of `read` results, for error messages about their elements.
    let origins = ListOrigins()

    func function(named name: String) -> HostFunction? {
        switch name {
        case "read": { [baseDirectory, origins] arguments in try Self.read(arguments, base: baseDirectory, origins: origins) }
        case "now": { arguments in try Self.now(arguments) }
        case "read_csv": { [baseDirectory, origins] in try CSVFunctions.read($0, base: baseDirectory, origins: origins) }
        case "write_csv": { [baseDirectory] in try CSVFunctions.write($0, base: baseDirectory) }
        default: nil
        }
    }

    /// Lines of a text file, trimmed; blank lines and `#` comment lines are skipped, so a
    /// device list file can carry comments.
    static func read(_ arguments: [Value], base: String, origins: ListOrigins) throws -> Value {
        guard arguments.count == 1, case .string(let path) = arguments[0] else {
            throw HostError(ShellMessages.readUsage, notes: [ShellMessages.readExample], exitCode: ExitStatus.runtime)
        }
        let full = path.hasPrefix("/") ? path : base + "/" + path
        guard let data = FileManager.default.contents(atPath: full) else {
            throw HostError(ShellMessages.cannotRead(path, exists: FileManager.default.fileExists(atPath: full)),
                            notes: [ShellMessages.lookedAt(full)], exitCode: ExitStatus.noInput)
        }
        let (lines, numbers) = LineSplitter.lines(Array(data))
        let items = lines.map { Value.string($0) }
        origins.remember(items, path: path, lines: numbers)
        return .list(items)
    }

    /// The current time as an ISO 8601 UTC string (what NQL rows use for `time`).
    static func now(_ arguments: [Value]) throws -> Value {
        guard arguments.isEmpty else {
            throw HostError(ShellMessages.nowUsage, exitCode: ExitStatus.runtime)
        }
        return .string(Date().formatted(.iso8601))
    }
}
