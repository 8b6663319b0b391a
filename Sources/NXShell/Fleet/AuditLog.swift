import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The append-only audit log (JSON Lines). Each record is one `write` on a descriptor opened
/// with O_APPEND, so records of concurrent batches never interleave, and is followed by
/// `fsync` before the caller goes on: an intent is on disk before its POST leaves.
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

    func append(_ record: AuditRecord) throws(ShellError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let json = try? encoder.encode(record) else {
            throw ShellError("cannot encode an audit record", exitCode: ExitStatus.runtime)
        }
        let line = Array(json) + [10]
        let fd = try openForAppend()
        defer { close(fd) }
        let written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(fd) == 0 else {
            throw failure("cannot write to", errno)
        }
    }

    /// The last `limit` records, oldest first. Lines that are not records (a torn last line
    /// after a crash, hand edits) are skipped.
    func recent(_ limit: Int) throws(ShellError) -> [AuditRecord] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ShellError("cannot read the audit log \(path)", notes: ["check its permissions"], exitCode: ExitStatus.noInput)
        }
        let decoder = JSONDecoder()
        var records: [AuditRecord] = []
        for line in data.split(separator: 10).reversed() where records.count < limit {
            if let record = try? decoder.decode(AuditRecord.self, from: Data(line)) { records.append(record) }
        }
        return records.reversed()
    }

    private func openForAppend() throws(ShellError) -> Int32 {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("cannot open", errno) }
        return fd
    }

    private func failure(_ what: String, _ code: Int32) -> ShellError {
        ShellError("\(what) the audit log \(path): \(String(cString: strerror(code)))",
                   notes: ["set `audit_log = \"/path/audit.jsonl\"` in the profile to log elsewhere",
                           "nothing is sent without its audit record"],
                   exitCode: ExitStatus.runtime)
    }
}
