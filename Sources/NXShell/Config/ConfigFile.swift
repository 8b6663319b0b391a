import Foundation
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
            throw ShellError("cannot read config file \(path): \(String(cString: strerror(errno)))", exitCode: ExitStatus.config)
        }
        defer { close(fd) }
        if let problem = FileTrust.problem(fd: fd, directory: false) {
            throw FileTrust.configRefusal(problem, path: path, directory: false)
        }
        try checkDirectory(of: path)
        guard let data = FileTrust.readAll(fd: fd), let text = String(data: data, encoding: .utf8) else {
            throw ShellError("cannot read config file \(path) as UTF-8 text", exitCode: ExitStatus.config)
        }
        var config = try parse(text, path: path)
        config.isPrivate = FileTrust.mode(fd: fd) & 0o077 == 0
        return config
    }

    private static func checkDirectory(of path: String) throws(ShellError) {
        let directory = (path as NSString).deletingLastPathComponent
        let fd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        if let problem = FileTrust.problem(fd: fd, directory: true) {
            throw FileTrust.configRefusal(problem, path: directory, directory: true)
        }
    }

    static func parse(_ text: String, path: String) throws(ShellError) -> ConfigFile {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ShellError("\(path):\(error.source.begin.line):\(error.source.begin.column): \(error.description)",
                             exitCode: ExitStatus.config)
        } catch {
            throw ShellError("\(path): invalid TOML", exitCode: ExitStatus.config)
        }
        var config = ConfigFile(path: path)
        for key in table.keys where key != "default_profile" && key != "profiles" {
            throw invalid(path, "unknown top-level key '\(key)'", note: "expected default_profile or [profiles.NAME]")
        }
        if let value = table["default_profile"] {
            guard let name = value.string else { throw invalid(path, "default_profile must be a string") }
            config.defaultProfile = name
        }
        if let value = table["profiles"] {
            guard let profiles = value.table else { throw invalid(path, "'profiles' must be a table") }
            for name in profiles.keys {
                guard let body = profiles[name]?.table else {
                    throw invalid(path, "profiles.\(name) must be a table, e.g. [profiles.\(name)]")
                }
                config.profiles[name] = try profile(body, name: name, path: path)
            }
        }
        return config
    }

    private static func profile(_ table: TOMLTable, name: String, path: String) throws(ShellError) -> Profile {
        var profile = Profile()
        for key in table.keys {
            let where_ = "profiles.\(name).\(key)"
            guard let value = table[key] else { continue }
            if let path_ = Profile.stringKeys[key] {
                guard let text = value.string else { throw invalid(path, "\(where_) must be a string") }
                profile[keyPath: path_] = text
            } else if let path_ = Profile.boolKeys[key] {
                guard let flag = value.bool else { throw invalid(path, "\(where_) must be true or false") }
                profile[keyPath: path_] = flag
            } else if let path_ = Profile.intKeys[key] {
                guard let number = value.int, number > 0 else {
                    throw invalid(path, "\(where_) must be a positive integer")
                }
                profile[keyPath: path_] = number
            } else if let path_ = Profile.idListKeys[key] {
                guard let items = value.array?.map({ $0.string }), !items.contains(nil) else {
                    throw invalid(path, "\(where_) must be a list of ids, e.g. [\"#restart_service\"]")
                }
                profile[keyPath: path_] = items.compactMap { $0 }
            } else {
                let near = Suggest.nearest(key, in: Profile.allKeys).map { " (did you mean '\($0)'?)" } ?? ""
                throw invalid(path, "unknown key '\(where_)'\(near)",
                              note: "known keys: " + Profile.allKeys.joined(separator: ", "))
            }
        }
        return profile
    }

    private static func invalid(_ path: String, _ message: String, note: String? = nil) -> ShellError {
        ShellError("\(path): \(message)", notes: note.map { [$0] } ?? [], exitCode: ExitStatus.config)
    }
}
