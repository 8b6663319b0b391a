import Foundation

/// Finds the bundled seed without `Bundle.module`, whose accessor traps when the resource
/// bundle is missing (e.g. a binary copied without it); here that is a clear error instead.
enum SeedLoader {
    static func load(dataFile: String?) throws(SeedError) -> Catalogue {
        if let dataFile {
            guard let data = FileManager.default.contents(atPath: dataFile) else {
                throw SeedError.unreadable("cannot read data file \(dataFile): check the path and permissions")
            }
            return try Catalogue.decode(data, source: dataFile)
        }
        guard let url = bundledURL("seed.json"), let data = try? Data(contentsOf: url) else {
            throw SeedError.unreadable(
                "the bundled seed.json (resource bundle *_NexthinkEmulator.resources) was not found next to the executable; "
                    + "install it beside the binary or pass a data file")
        }
        return try Catalogue.decode(data, source: url.path)
    }

    /// Workflows, campaigns and users: from the data file when it has any of them, else bundled.
    static func loadAutomation(dataFile: String?) throws(SeedError) -> AutomationCatalogue {
        if let dataFile, let data = FileManager.default.contents(atPath: dataFile), AutomationFile.present(in: data) {
            return try AutomationCatalogue.decode(data, source: dataFile)
        }
        guard let url = bundledURL("automation.json"), let data = try? Data(contentsOf: url) else {
            throw SeedError.unreadable(
                "the bundled automation.json (resource bundle *_NexthinkEmulator.resources) was not found next to the executable; "
                    + "install it beside the binary or pass a data file")
        }
        return try AutomationCatalogue.decode(data, source: url.path)
    }

    private static func bundledURL(_ name: String) -> URL? {
        let fm = FileManager.default
        var dirs = [Bundle.main.bundleURL]
        if let exe = Bundle.main.executableURL { dirs.append(exe.deletingLastPathComponent()) }
        dirs += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        for dir in dirs {
            let entries = (try? fm.contentsOfDirectory(atPath: dir.path)) ?? []
            for entry in entries.sorted()
            where entry.hasSuffix("_NexthinkEmulator.resources") || entry.hasSuffix("_NexthinkEmulator.bundle") {
                for sub in [name, "Contents/Resources/\(name)"] {
                    let url = dir.appendingPathComponent(entry).appendingPathComponent(sub)
                    if fm.fileExists(atPath: url.path) { return url }
                }
            }
        }
        return nil
    }
}
