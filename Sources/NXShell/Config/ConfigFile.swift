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
import NexthinkClient
import TOMLKit

/// The parsed `config.toml`: a default profile name and named profiles.
struct ConfigFile: Sendable, Equatable {
    var path: String
    var defaultProfile: String?
    var profiles: [String: Profile] = [:]
    /// False when group or others may read the file: then `client_secret` is refused.
    var isPrivate = true

    /// Opens the file once and checks that descriptor (and its directory): a file others can
    /// write could point nxsh at another service or run another secret command.
    static func load(path: String) throws(ShellError) -> ConfigFile {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            if errno == ENOENT { return ConfigFile(path: path) }
            throw ShellMessages.configUnreadable(path, String(cString: strerror(errno)))
        }
        defer { close(fd) }
        if let problem = FileTrust.problem(fd: fd, directory: false) {
            throw ShellMessages.configRefusal(problem, path: path, directory: false, user: geteuid())
        }
        try checkDirectory(of: path)
        guard let data = FileTrust.readAll(fd: fd), let text = String(data: data, encoding: .utf8) else {
            throw ShellMessages.configNotUTF8(path)
        }
        var config = try parse(text, path: path)
        config.isPrivate = FileTrust.mode(fd: fd) & 0o077 == 0
        return config
    }

    private static func checkDirectory(of path: String) throws(ShellError) {
        let directory = path.parentDirectory
        let fd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        if let problem = FileTrust.problem(fd: fd, directory: true) {
            throw ShellMessages.configRefusal(problem, path: directory, directory: true, user: geteuid())
        }
    }

    static func parse(_ text: String, path: String) throws(ShellError) -> ConfigFile {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ShellMessages.configSyntax(path, line: error.source.begin.line, column: error.source.begin.column,
                                             error.description)
        } catch {
            throw invalid(path, ShellMessages.invalidTOML)
        }
        var config = ConfigFile(path: path)
        for key in table.keys where key != "default_profile" && key != "profiles" {
            throw invalid(path, ShellMessages.unknownTopLevelKey(key), note: ShellMessages.topLevelKeysNote)
        }
        if let value = table["default_profile"] {
            guard let name = value.string else { throw invalid(path, ShellMessages.defaultProfileNotString) }
            config.defaultProfile = name
        }
        if let value = table["profiles"] {
            guard let profiles = value.table else { throw invalid(path, ShellMessages.profilesNotTable) }
            for name in profiles.keys {
                guard let body = profiles[name]?.table else {
                    throw invalid(path, ShellMessages.profileNotTable(name))
                }
                config.profiles[name] = try profile(body, name: name, path: path)
            }
        }
        return config
    }

    private static func profile(_ table: TOMLTable, name: String, path: String) throws(ShellError) -> Profile {
        var profile = Profile()
        for key in table.keys {
            let where_ = ShellMessages.profileKey(name, key)
            guard let value = table[key] else { continue }
            if let path_ = Profile.stringKeys[key] {
                guard let text = value.string else { throw invalid(path, ShellMessages.notAString(where_)) }
                profile[keyPath: path_] = text
            } else if let path_ = Profile.boolKeys[key] {
                guard let flag = value.bool else { throw invalid(path, ShellMessages.notABool(where_)) }
                profile[keyPath: path_] = flag
            } else if let path_ = Profile.intKeys[key] {
                guard let number = value.int, number > 0 else {
                    throw invalid(path, ShellMessages.notPositive(where_))
                }
                profile[keyPath: path_] = number
            } else if let path_ = Profile.idListKeys[key] {
                guard let items = value.array?.map({ $0.string }), !items.contains(nil) else {
                    throw invalid(path, ShellMessages.notIDList(where_))
                }
                profile[keyPath: path_] = items.compactMap { $0 }
            } else if let path_ = Profile.queryIDKeys[key] {
                profile[keyPath: path_] = try queryID(value, key: where_, path: path)
            } else {
                throw invalid(path, ShellMessages.unknownProfileKey(where_, near: Suggest.nearest(key, in: Profile.allKeys)),
                              note: ShellMessages.knownKeys(Profile.allKeys))
            }
        }
        return profile
    }

    private static func queryID(_ value: any TOMLValueConvertible, key: String, path: String) throws(ShellError) -> NQLQueryID {
        guard let text = value.string else { throw invalid(path, ShellMessages.notAString(key)) }
        do {
            return try NQLQueryID(text)
        } catch {
            throw invalid(path, ShellMessages.badProfileID(key, error.problems.map(\.message)))
        }
    }

    private static func invalid(_ path: String, _ message: String, note: String? = nil) -> ShellError {
        ShellMessages.configInvalid(path, message, note: note)
    }
}
