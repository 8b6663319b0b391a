#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NXLanguage

/// Functions the host adds to the language: `read(path)`, `now()`, `read_csv(path)`, `write_csv(list, path)`.
struct HostFunctions: Sendable {
    static let names = ["now", "read", "read_csv", "write_csv"]

    /// Relative paths in `read` resolve against this directory: the script's own directory
    /// for script files (so a runbook finds its device list wherever it is run from), the
    /// current directory for -e, stdin and the REPL.
    let baseDirectory: String

    func function(named name: String) -> HostFunction? {
        switch name {
        case "read": { [baseDirectory] arguments in try Self.read(arguments, base: baseDirectory) }
        case "now": { arguments in try Self.now(arguments) }
        case "read_csv": { [baseDirectory] in try CSVFunctions.read($0, base: baseDirectory) }
        case "write_csv": { [baseDirectory] in try CSVFunctions.write($0, base: baseDirectory) }
        default: nil
        }
    }

    /// Lines of a text file, trimmed; blank lines and `#` comment lines are skipped, so a
    /// device list file can carry comments. Each element carries its file line, so an error
    /// about it (`run ... on read("devices.txt") | where ...`) names `devices.txt line 4`.
    static func read(_ arguments: [Value], base: String) throws -> Value {
        guard arguments.count == 1, case .string(let path) = arguments[0] else {
            throw HostError(ShellMessages.readUsage, notes: [ShellMessages.readExample], exitCode: ExitStatus.runtime)
        }
        let full = path.hasPrefix("/") ? path : base + "/" + path
        guard let data = FileManager.default.contents(atPath: full) else {
            throw HostError(ShellMessages.cannotRead(path, exists: FileManager.default.fileExists(atPath: full)),
                            notes: [ShellMessages.lookedAt(full)], exitCode: ExitStatus.noInput)
        }
        let (lines, numbers) = LineSplitter.lines(Array(data))
        return .list(ValueList(lines.map { Value.string($0) }, origin: ListOrigin(source: path, lines: numbers)))
    }

    /// The current time as an ISO 8601 UTC string (what NQL rows use for `time`).
    static func now(_ arguments: [Value]) throws -> Value {
        guard arguments.isEmpty else {
            throw HostError(ShellMessages.nowUsage, exitCode: ExitStatus.runtime)
        }
        return .string(Date().formatted(.iso8601))
    }
}
