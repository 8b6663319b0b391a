#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NexthinkClient

/// Token cache under $XDG_CACHE_HOME/nxsh so consecutive one-liners share one token.
/// Directory 0700, files 0600; one file per (token URL, client id, secret digest), named by a
/// hash so URLs never become paths. Directory and file are opened without following symlinks
/// and used only when they belong to the user and no one else may write them (files: nor
/// read them); anything else, like an unreadable or corrupt file, is a cache miss.
final class DiskTokenStore: TokenStore {
    let directory: String

    init(directory: String) {
        self.directory = directory
    }

    func load(key: String) -> StoredToken? {
        guard let dir = PrivateFiles.openDirectory(directory) else { return nil }
        defer { close(dir) }
        let fd = openat(dir, Self.fileName(for: key), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard FileTrust.problem(fd: fd, directory: false) == nil, FileTrust.mode(fd: fd) & 0o077 == 0,
              let data = FileTrust.readAll(fd: fd),
              let entry = try? JSONDecoder().decode(Entry.self, from: data),
              entry.key == key, entry.token.isPlausible(now: Date())
        else { return nil }
        return entry.token
    }

    func save(_ token: StoredToken, key: String) {
        guard PrivateFiles.makeDirectory(directory), let dir = PrivateFiles.openDirectory(directory),
              let data = try? JSONEncoder().encode(Entry(key: key, token: token))
        else { return }
        defer { close(dir) }
        // A cache that cannot be written only costs an extra token request.
        _ = PrivateFiles.writeFile(data, in: dir, name: Self.fileName(for: key))
    }

    func path(for key: String) -> String {
        directory + "/" + Self.fileName(for: key)
    }

    static func fileName(for key: String) -> String {
        "token-" + hash(key) + ".json"
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
            // Never change the mode of whatever a symlink points at.
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return false }
            return chmod(path, 0o700) == 0
        } catch {
            return false
        }
    }

    /// The directory, if it is a real directory (not a symlink) that only the user may write.
    static func openDirectory(_ path: String) -> Int32? {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        guard FileTrust.problem(fd: fd, directory: true) == nil, FileTrust.mode(fd: fd) & 0o077 == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    static func writeFile(_ data: Data, in dir: Int32, name: String) -> Bool {
        let temporary = name + ".tmp.\(getpid())"
        unlinkat(dir, temporary, 0)
        let fd = openat(dir, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        let written = data.withUnsafeBytes { buffer in
            buffer.baseAddress.map { write(fd, $0, buffer.count) } ?? 0
        }
        close(fd)
        guard written == data.count, renameat(dir, temporary, dir, name) == 0 else {
            unlinkat(dir, temporary, 0)
            return false
        }
        return true
    }
}
