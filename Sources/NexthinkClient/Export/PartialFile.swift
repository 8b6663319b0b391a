#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written under a temporary name beside its target and renamed into place only when
/// complete, so the target name never holds a half-written file.
struct PartialFile {
    let target: String
    let temporary: String
    private var descriptor: Int32
    private(set) var written: Int64 = 0

    init(target: String) throws(FileProblem) {
        let slash = target.lastIndex(of: "/")
        let directory = slash.map { String(target[..<$0]) } ?? "."
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        guard !name.isEmpty else { throw FileProblem("'\(target)' names a directory, not a file") }
        self.target = target
        self.temporary = "\(directory.isEmpty ? "/" : directory)/.\(name).\(UInt32.random(in: 0...UInt32.max)).partial"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw FileProblem.system("cannot create a file in \(directory)") }
    }

    mutating func write(_ bytes: UnsafeRawBufferPointer) throws(FileProblem) {
        var offset = 0
        while offset < bytes.count {
            let n = posixWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw FileProblem.system("cannot write \(target)")
            }
            offset += n
        }
        written += Int64(bytes.count)
    }

    /// Flushes to disk and renames onto the target (replacing it).
    mutating func commit() throws(FileProblem) {
        defer { descriptor = -1 }
        guard fsync(descriptor) == 0, close(descriptor) == 0 else {
            let problem = FileProblem.system("cannot write \(target)")
            abandon()
            throw problem
        }
        guard rename(temporary, target) == 0 else {
            let problem = FileProblem.system("cannot rename the download to \(target)")
            unlink(temporary)
            throw problem
        }
    }

    /// Removes the temporary file; the target is left as it was.
    mutating func abandon() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporary)
    }
}

/// `write(2)`, named apart from `PartialFile.write`.
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}

struct FileProblem: Error, Sendable {
    var message: String

    init(_ message: String) { self.message = message }

    static func system(_ what: String) -> FileProblem {
        FileProblem("\(what): \(String(cString: strerror(errno)))")
    }
}

