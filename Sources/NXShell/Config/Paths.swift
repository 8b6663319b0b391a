/// Where nxsh keeps its files, following the XDG base directory spec so users can relocate
/// everything with the usual variables.
struct Paths: Sendable {
    var environment: [String: String]

    private var home: String { environment["HOME"] ?? "." }

    private func base(_ variable: String, fallback: String) -> String {
        if let value = environment[variable], value.hasPrefix("/") { return value }
        return home + "/" + fallback
    }

    var configFile: String { base("XDG_CONFIG_HOME", fallback: ".config") + "/nxsh/config.toml" }
    var cacheDirectory: String { base("XDG_CACHE_HOME", fallback: ".cache") + "/nxsh" }
    var historyFile: String { base("XDG_STATE_HOME", fallback: ".local/state") + "/nxsh/history" }
}

extension String {
    /// The directory part of a path, as `NSString.deletingLastPathComponent` gives it (without
    /// full Foundation): "" for a bare name, "/" for a file at the root, trailing slashes ignored.
    var parentDirectory: String {
        var path = Substring(self)
        while path.count > 1, path.last == "/" { path = path.dropLast() }
        guard let slash = path.lastIndex(of: "/") else { return "" }
        var directory = path[..<slash]
        while directory.count > 1, directory.last == "/" { directory = directory.dropLast() }
        return directory.isEmpty ? "/" : String(directory)
    }
}
