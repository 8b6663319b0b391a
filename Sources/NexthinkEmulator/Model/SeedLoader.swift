#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The seed comes from a data file when one is given, else from the copy compiled into the
/// binary (`.embedInCode`): no resource bundle to install beside the executable, and no
/// `Bundle`, which would pull full Foundation into nxsh.
enum SeedLoader {
    static func load(dataFile: String?) throws(SeedError) -> Catalogue {
        if let dataFile {
            return try Catalogue.decode(try read(dataFile), source: dataFile)
        }
        return try Catalogue.decode(Data(PackageResources.seed_json), source: "the built-in seed.json")
    }

    /// Workflows, campaigns and users: from the data file when it has any of them, else built in.
    static func loadAutomation(dataFile: String?) throws(SeedError) -> AutomationCatalogue {
        if let dataFile, let data = FileManager.default.contents(atPath: dataFile), AutomationFile.present(in: data) {
            return try AutomationCatalogue.decode(data, source: dataFile)
        }
        return try AutomationCatalogue.decode(Data(PackageResources.automation_json), source: "the built-in automation.json")
    }

    private static func read(_ path: String) throws(SeedError) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SeedError.unreadable("cannot read data file \(path): check the path and permissions")
        }
        return data
    }
}
