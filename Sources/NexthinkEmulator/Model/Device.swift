enum DeviceOS: String, Codable, Sendable {
    case windows, macos

    var platform: String {
        switch self {
        case .windows: "Windows"
        case .macos: "macOS"
        }
    }
}

/// A device of the emulated fleet. `online` devices pick up executions; offline ones never do,
/// so their executions expire. `failing` devices run scripts that exit with an error.
struct Device: Codable, Sendable {
    var uid: String
    var name: String
    var os: DeviceOS
    var osName: String
    var online: Bool
    var failing: Bool

    enum CodingKeys: String, CodingKey { case uid, name, os, osName, online, failing }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        uid = try c.decode(String.self, forKey: .uid)
        name = try c.decode(String.self, forKey: .name)
        os = try c.decode(DeviceOS.self, forKey: .os)
        osName = try c.decodeIfPresent(String.self, forKey: .osName) ?? os.platform
        online = try c.decodeIfPresent(Bool.self, forKey: .online) ?? true
        failing = try c.decodeIfPresent(Bool.self, forKey: .failing) ?? false
    }
}
