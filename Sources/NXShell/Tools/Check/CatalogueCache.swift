import Foundation
import NexthinkClient

/// The catalogue on disk (remote actions, workflows, campaigns), one file per profile (or the
/// sandbox), shared by `check`, the language server and completion. Filled only by reads.
struct CatalogueCache: Sendable {
    let directory: String
    let label: String

    struct Entry: Codable, Sendable {
        /// Files of another format (an older nxsh's, without workflows) are fetched again.
        static let currentFormat = 2
        var format: Int?
        var fetched: Date
        var actions: [RemoteAction]
        /// nil when the service would not list them (no permission; no `#campaigns` query):
        /// then ids of that kind are not checked.
        var workflows: [CatalogueItem]?
        var campaigns: [CatalogueItem]?

        init(fetched: Date = Date(), actions: [RemoteAction], workflows: [CatalogueItem]?, campaigns: [CatalogueItem]?) {
            format = Self.currentFormat
            self.fetched = fetched
            self.actions = actions
            self.workflows = workflows
            self.campaigns = campaigns
        }
    }

    var path: String {
        let safe = label.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }
        return directory + "/catalogue-\(String(safe)).json"
    }

    func load() -> Entry? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let entry = try? JSONDecoder.catalogue.decode(Entry.self, from: data), entry.format == Entry.currentFormat else {
            return nil
        }
        return entry
    }

    func store(_ entry: Entry) {
        guard let data = try? JSONEncoder.catalogue.encode(entry) else { return }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600])
    }

    /// "5 min", "2 h", "3 d" (`ShellMessages.age`).
    static func age(since date: Date, now: Date = Date()) -> String {
        ShellMessages.age(seconds: max(0, Int(now.timeIntervalSince(date))))
    }
}

extension JSONEncoder {
    static var catalogue: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}

extension JSONDecoder {
    static var catalogue: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
