import Foundation
import NexthinkClient

/// Token cache under $XDG_CACHE_HOME/nxsh so consecutive one-liners share one token.
/// Directory 0700, files 0600; one file per (token URL, client id), named by a hash so URLs
/// never become paths. Unreadable or corrupt files are treated as a cache miss.
final class DiskTokenStore: TokenStore {
    let directory: String

    init(directory: String) {
        self.directory = directory
    }

    func load(key: String) -> StoredToken? {
        guard let data = FileManager.default.contents(atPath: path(for: key)),
              let entry = try? JSONDecoder().decode(Entry.self, from: data),
              entry.key == key, entry.token.isPlausible(now: Date())
        else { return nil }
        return entry.token
    }

    func save(_ token: StoredToken, key: String) {
        guard PrivateFiles.makeDirectory(directory),
              let data = try? JSONEncoder().encode(Entry(key: key, token: token))
        else { return }
        // A cache that cannot be written only costs an extra token request.
        _ = PrivateFiles.writeFile(data, to: path(for: key))
    }

    func path(for key: String) -> String {
        directory + "/token-" + Self.hash(key) + ".json"
    }

    /// FNV-1a, 64 bit: stable across runs and platforms (Hasher is seeded per process).
    static func hash(_ key: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    private struct Entry: Codable {
        var key: String
        var token: StoredToken
    }
}

/// Files only the user may read: created with the right mode from the start (no window where
/// the umask applies), replaced atomically.
enum PrivateFiles {
    static func makeDirectory(_ path: String) -> Bool {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            return chmod(path, 0o700) == 0
        } catch {
            return false
        }
    }

    static func writeFile(_ data: Data, to path: String) -> Bool {
        let temporary = path + ".tmp.\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return false }
        let written = data.withUnsafeBytes { buffer in
            buffer.baseAddress.map { write(fd, $0, buffer.count) } ?? 0
        }
        close(fd)
        guard written == data.count, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
