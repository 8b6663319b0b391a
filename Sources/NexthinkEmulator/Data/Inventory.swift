import Synchronization

/// What the data APIs change about the tenant: custom and standard field values set by
/// enrichment, and devices deleted. The seed catalogue itself stays immutable.
final class Inventory: Sendable {
    private struct Contents {
        /// Per object kind (`device`, `user`, ...), per object key, per full field name.
        var fields: [String: [String: [String: JSONValue]]] = [:]
        var deleted = Set<String>()
        var enrichedObjects = 0
    }

    private let contents = Mutex(Contents())
    private let uidByName: [String: String]
    private let catalogue: Catalogue

    init(_ catalogue: Catalogue) {
        self.catalogue = catalogue
        uidByName = Dictionary(catalogue.devices.map { ($0.name.lowercased(), $0.uid.lowercased()) }, uniquingKeysWith: { a, _ in a })
    }

    /// The fleet without deleted devices: what every query sees.
    var devices: [Device] {
        let deleted = contents.withLock { $0.deleted }
        return deleted.isEmpty ? catalogue.devices : catalogue.devices.filter { !deleted.contains($0.uid.lowercased()) }
    }

    /// The lowercased uid of a present device identified by `device/device/name` or `.../uid`.
    func deviceKey(_ identification: String, _ value: String) -> String? {
        let uid = identification.hasSuffix("/name") ? uidByName[value.lowercased()] : value.lowercased()
        guard let uid, catalogue.device(uid: uid) != nil else { return nil }
        return contents.withLock { $0.deleted.contains(uid) } ? nil : uid
    }

    func set(_ kind: String, _ key: String, _ values: [String: JSONValue]) {
        contents.withLock {
            $0.fields[kind, default: [:]][key, default: [:]].merge(values) { _, new in new }
            $0.enrichedObjects += 1
        }
    }

    /// Deletes a present device whose name matches; false if there is none to delete.
    func delete(uid: String, name: String) -> Bool {
        let key = uid.lowercased()
        guard let device = catalogue.device(uid: key), device.name.lowercased() == name.lowercased() else { return false }
        return contents.withLock { $0.deleted.insert(key).inserted }
    }

    var enrichedObjects: Int { contents.withLock { $0.enrichedObjects } }
    var deletedDevices: Int { contents.withLock { $0.deleted.count } }

    /// Device query rows with one more column per enriched device field (`device.#team`,
    /// `device.virtualization.type`), sorted, empty where a device has no value.
    func withDeviceFields(headers: [String], rows: [[JSONValue]], uidColumn: Int) -> ([String], [[JSONValue]]) {
        let values = contents.withLock { $0.fields["device"] ?? [:] }
        let names = Set(values.values.flatMap(\.keys)).sorted()
        guard !names.isEmpty else { return (headers, rows) }
        let extended = rows.map { row -> [JSONValue] in
            let fields = row[uidColumn].stringValue.flatMap { values[$0.lowercased()] } ?? [:]
            return row + names.map { fields[$0] ?? .null }
        }
        return (headers + names.map(Self.nqlName), extended)
    }

    /// `device/device/#team` → `device.#team`: how NQL spells an enriched field.
    static func nqlName(_ full: String) -> String {
        let parts = full.split(separator: "/")
        return ([parts[0]] + parts.dropFirst(2)).joined(separator: ".")
    }
}
