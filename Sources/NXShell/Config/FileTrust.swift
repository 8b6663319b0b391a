import Foundation
import NXLanguage

/// Ownership and mode checks made on an open descriptor, never on a path name (which could be
/// swapped between the check and the use). A file or directory is trusted when it belongs to
/// the user (or root) and neither group nor others may write it.
enum FileTrust {
    enum Problem: Equatable {
        case notOwned(owner: uid_t)
        case writableByOthers(mode: mode_t)
        case wrongType
    }

    static func problem(fd: Int32, directory: Bool) -> Problem? {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .wrongType }
        let type = info.st_mode & S_IFMT
        guard type == (directory ? S_IFDIR : S_IFREG) else { return .wrongType }
        guard info.st_uid == geteuid() || info.st_uid == 0 else { return .notOwned(owner: info.st_uid) }
        guard info.st_mode & 0o022 == 0 else { return .writableByOthers(mode: info.st_mode & 0o7777) }
        return nil
    }

    /// Mode bits of an open descriptor (0 when fstat fails).
    static func mode(fd: Int32) -> mode_t {
        var info = stat()
        return fstat(fd, &info) == 0 ? info.st_mode & 0o7777 : 0
    }

    /// Reads everything from `fd` (a regular file, so reads do not block for long).
    static func readAll(fd: Int32) -> Data? {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n == 0 { return data }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            data.append(contentsOf: buffer[..<n])
        }
    }
}
