#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NXLanguage

/// Messages of the configuration: config.toml, its trust checks, profiles and connection settings.
extension ShellMessages {
    static func configUnreadable(_ path: String, _ reason: String) -> ShellError {
        ShellError("cannot read config file \(path): \(reason)", exitCode: ExitStatus.config)
    }
    static func configNotUTF8(_ path: String) -> ShellError {
        ShellError("cannot read config file \(path) as UTF-8 text", exitCode: ExitStatus.config)
    }
    static func configSyntax(_ path: String, line: Int, column: Int, _ description: String) -> ShellError {
        ShellError("\(path):\(line):\(column): \(description)", exitCode: ExitStatus.config)
    }
    static func configInvalid(_ path: String, _ message: String, note: String? = nil) -> ShellError {
        ShellError("\(path): \(message)", notes: note.map { [$0] } ?? [], exitCode: ExitStatus.config)
    }
    static let invalidTOML = "invalid TOML"
    static func unknownTopLevelKey(_ key: String) -> String { "unknown top-level key '\(key)'" }
    static let topLevelKeysNote = "expected default_profile or [profiles.NAME]"
    static let defaultProfileNotString = "default_profile must be a string"
    static let profilesNotTable = "'profiles' must be a table"
    static func profileNotTable(_ name: String) -> String { "profiles.\(name) must be a table, e.g. [profiles.\(name)]" }
    static func profileKey(_ name: String, _ key: String) -> String { "profiles.\(name).\(key)" }
    static func notAString(_ key: String) -> String { "\(key) must be a string" }
    static func notABool(_ key: String) -> String { "\(key) must be true or false" }
    static func notPositive(_ key: String) -> String { "\(key) must be a positive integer" }
    /// `problems`: what the id's checked constructor says, the same text as anywhere else.
    static func badProfileID(_ key: String, _ problems: [String]) -> String {
        "\(key): " + problems.joined(separator: "; ")
    }
    static func notIDList(_ key: String) -> String { "\(key) must be a list of ids, e.g. [\"#restart_service\"]" }
    static func unknownProfileKey(_ key: String, near: String?) -> String {
        "unknown key '\(key)'" + (near.map { " (did you mean '\($0)'?)" } ?? "")
    }
    static func knownKeys(_ keys: [String]) -> String { "known keys: " + keys.joined(separator: ", ") }

    /// The refusal of a config file or directory that someone else could change.
    static func configRefusal(_ problem: FileTrust.Problem, path: String, directory: Bool, user me: uid_t) -> ShellError {
        let why: String, fix: String
        switch problem {
        case .notOwned(let owner):
            why = "it belongs to user id \(owner), not to you (user id \(me))"
            fix = "take it over with `chown \(me) \(path)`, or move it away"
        case .writableByOthers(let mode):
            why = "group or others may write it (mode \(String(mode, radix: 8)))"
            fix = "run `chmod go-w \(path)`"
        case .wrongType:
            why = directory ? "it is not a directory" : "it is not a regular file"
            fix = "replace it with a plain " + (directory ? "directory" : "file")
        }
        return ShellError("refusing \(directory ? "config directory" : "config file") \(path): \(why)",
                          notes: [fix, "it chooses the service URLs and the secret command, so only you may change it",
                                  nothingSentToService],
                          exitCode: ExitStatus.config)
    }
    static let nothingSentToService = "nothing was sent to the service"

    static func unknownProfile(_ name: String, path: String, known: [String]) -> ShellError {
        ShellError("no profile named '\(name)' in \(path)",
                   notes: known.isEmpty ? ["add a [profiles.\(name)] table to the config file"]
                       : ["known profiles: " + known.joined(separator: ", ")],
                   exitCode: ExitStatus.usage)
    }
    static func secretReadable(_ path: String) -> ShellError {
        ShellError("refusing client_secret from \(path): the file is readable by group or others",
                   notes: ["run `chmod 600 \(path)`, or use client_secret_command instead", nothingSentToService],
                   exitCode: ExitStatus.config)
    }

    /// A missing setting: its name, then how to set it (the name is what the error lists).
    static let missingInstance = ("instance", "NEXTHINK_INSTANCE or `instance = \"acme\"`")
    static let missingRegion = ("region", "NEXTHINK_REGION or `region = \"us|eu|pac|meta\"`")
    static let missingClientID = ("client id", "NEXTHINK_CLIENT_ID or `client_id = \"...\"`")
    static let missingSecret = ("client secret", "NEXTHINK_CLIENT_SECRET or `client_secret_command = \"pass show nexthink\"`")

    static func missingSettings(_ missing: [(String, String)], profile: String?, path: String) -> ShellError {
        let scope = profile.map { "profile '\($0)'" } ?? "environment (no profile selected)"
        return ShellError(
            "missing connection settings: " + missing.map(\.0).joined(separator: ", "),
            notes: ["looked in: \(scope) and \(path)"]
                + missing.map { "set \($0.0) (\($0.1))" }
                + ["or write a profile in \(path):\n"
                    + "    default_profile = \"prod\"\n    [profiles.prod]\n    instance = \"acme\"\n"
                    + "    region = \"eu\"\n    client_id = \"...\"\n"
                    + "    client_secret_command = \"pass show nexthink/prod\"",
                   "`nxsh --sandbox` runs against a built-in emulator and needs no settings"],
            exitCode: ExitStatus.usage)
    }
}
