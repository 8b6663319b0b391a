import Foundation
import NXLanguage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The append-only audit log (JSON Lines). Each entry is one `write` on a descriptor opened
/// with O_APPEND under an exclusive `flock`, so entries of concurrent batches and of other
/// nxsh processes never interleave, and is followed by `fsync` before the caller goes on: an
/// intent is on disk before its POST leaves.
struct AuditLog: Sendable {
    let path: String

    /// Creates the file (0600, directories 0700) if needed and checks it can be written, so
    /// a run fails before its first batch rather than after it.
    func prepare() throws(ShellError) {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o700])
        }
        let fd = try openForAppend()
        close(fd)
    }

    func append(_ entry: AuditEntry) throws(ShellError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let json = try? encoder.encode(entry) else {
            throw ShellError(ShellMessages.auditUnencodable, exitCode: ExitStatus.runtime)
        }
        let fd = try openForAppend()
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { throw failure(ShellMessages.auditLock, errno) }
        defer { flock(fd, LOCK_UN) }
        // A crash mid-write leaves a torn last line; without this newline the next entry
        // would be glued to it and unreadable.
        let line = (endsWithNewline(fd) ? [] : [10]) + Array(json) + [10]
        let written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(fd) == 0 else {
            throw failure(ShellMessages.auditWrite, errno)
        }
    }

    /// The last `limit` entries, oldest first, and how many lines are not entries (a torn
    /// last line after a crash, hand edits). The file is streamed, never loaded whole.
    func recent(_ limit: Int) throws(ShellError) -> AuditTail {
        guard FileManager.default.fileExists(atPath: path) else { return AuditTail() }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ShellMessages.auditUnreadable(path, String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var tail = AuditTail(limit: limit)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            tail.feed(buffer[0..<count])
        }
        tail.finish()
        return tail
    }

    private func endsWithNewline(_ fd: Int32) -> Bool {
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { return true }
        var last: UInt8 = 0
        return pread(fd, &last, 1, info.st_size - 1) == 1 && last == 10
    }

    private func openForAppend() throws(ShellError) -> Int32 {
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure(ShellMessages.auditOpen, errno) }
        return fd
    }

    private func failure(_ what: String, _ code: Int32) -> ShellError {
        ShellMessages.auditFailure(what, path: path, String(cString: strerror(code)))
    }
}
