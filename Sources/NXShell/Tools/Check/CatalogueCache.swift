#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NexthinkClient

/// The remote action catalogue on disk, one file per profile (or the sandbox), shared by
/// `check`, the language server and completion. Filled only with GET calls.
struct CatalogueCache: Sendable {
    let directory: String
    let label: String

    struct Entry: Codable, Sendable {
        var fetched: Date
        var actions: [RemoteAction]
    }

    var path: String {
        let safe = label.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }
        return directory + "/catalogue-\(String(safe)).json"
    }

    func load() -> Entry? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder.catalogue.decode(Entry.self, from: data)
    }

    func store(_ actions: [RemoteAction]) {
        guard let data = try? JSONEncoder.catalogue.encode(Entry(fetched: Date(), actions: actions)) else { return }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600])
    }

    /// "5 min", "2 h", "3 d".
    static func age(since date: Date, now: Date = Date()) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        switch seconds {
        case ..<60: return "\(seconds) s"
        case ..<3600: return "\(seconds / 60) min"
        case ..<86_400: return "\(seconds / 3600) h"
        default: return "\(seconds / 86_400) d"
        }
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
