#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The emulated tenant: its remote actions and its device fleet (the `--data` file format).
struct Catalogue: Sendable {
    let actions: [RemoteAction]
    /// Per action id, per output name: values that successful runs report (picked per device).
    let sampleOutputs: [String: [String: [JSONValue]]]
    let devices: [Device]
    private let actionIndex: [String: Int]
    private let deviceIndex: [String: Int]

    init(actions: [SeedAction], devices: [Device]) throws(SeedError) {
        var actionIndex: [String: Int] = [:]
        for (i, seed) in actions.enumerated() {
            guard actionIndex.updateValue(i, forKey: seed.action.id) == nil else {
                throw SeedError.invalid("remote action id \(seed.action.id) appears twice")
            }
        }
        var deviceIndex: [String: Int] = [:]
        for (i, device) in devices.enumerated() {
            guard UUIDShape.matches(device.uid) else {
                throw SeedError.invalid("device \(device.name) has uid '\(device.uid)', which is not a UUID")
            }
            guard deviceIndex.updateValue(i, forKey: device.uid.lowercased()) == nil else {
                throw SeedError.invalid("device uid \(device.uid) appears twice")
            }
        }
        self.actions = actions.map(\.action)
        self.sampleOutputs = Dictionary(actions.map { ($0.action.id, $0.sampleOutputs ?? [:]) }, uniquingKeysWith: { a, _ in a })
        self.devices = devices
        self.actionIndex = actionIndex
        self.deviceIndex = deviceIndex
    }

    func action(id: String) -> RemoteAction? {
        actionIndex[id].map { actions[$0] }
    }

    func device(uid: String) -> Device? {
        deviceIndex[uid.lowercased()].map { devices[$0] }
    }

    static func decode(_ data: Data, source: String) throws(SeedError) -> Catalogue {
        let file: SeedFile
        do {
            file = try JSONDecoder().decode(SeedFile.self, from: data)
        } catch {
            throw SeedError.invalid("\(source) is not a valid emulator data file: \(error)")
        }
        return try Catalogue(actions: file.remoteActions, devices: file.devices)
    }
}

struct SeedFile: Decodable {
    var remoteActions: [SeedAction]
    var devices: [Device]
}

/// A remote action in the data file: the API shape plus emulator-only sample outputs,
/// which are never served by the API.
struct SeedAction: Decodable, Sendable {
    var action: RemoteAction
    var sampleOutputs: [String: [JSONValue]]?

    enum CodingKeys: String, CodingKey { case sampleOutputs }

    init(from decoder: any Decoder) throws {
        action = try RemoteAction(from: decoder)
        sampleOutputs = try decoder.container(keyedBy: CodingKeys.self)
            .decodeIfPresent([String: [JSONValue]].self, forKey: .sampleOutputs)
    }
}

public enum SeedError: Error, CustomStringConvertible, Sendable {
    case invalid(String)
    case unreadable(String)

    public var description: String {
        switch self {
        case .invalid(let m), .unreadable(let m): m
        }
    }
}

enum UUIDShape {
    /// 8-4-4-4-12 hexadecimal digits, either case (Collector UUIDs).
    static func matches(_ s: String) -> Bool {
        let utf8 = s.utf8
        guard utf8.count == 36 else { return false }
        for (i, c) in utf8.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                guard c == UInt8(ascii: "-") else { return false }
            } else {
                let hex = (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)
                guard hex else { return false }
            }
        }
        return true
    }
}
