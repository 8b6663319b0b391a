#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NXLanguage

/// Reads a script file or stdin, stopping at `Limits.sourceBytes`, so `nxsh < /dev/zero` or
/// `yes | nxsh` ends at once with a clear error instead of filling memory. Plain read(2) on a
/// descriptor: FileHandle would pull full Foundation into every start.
enum SourceReader {
    static func read(_ fd: Int32, name: String) throws(ShellError) -> String {
        var status = stat()
        let offset = lseek(fd, 0, SEEK_CUR)
        if fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG, offset >= 0 {
            let size = max(Int(status.st_size) - Int(offset), 0)
            if size > Limits.sourceBytes { throw tooLarge(name) }
            if let text = try readWhole(fd, size: size, from: offset, name: name) { return text }
        }
        return try readChunks(fd, name: name)
    }

    static func readStandardInput() throws(ShellError) -> String {
        try read(STDIN_FILENO, name: ShellMessages.standardInputSource)
    }

    static func readFile(_ path: String) throws(ShellError) -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ShellMessages.cannotOpenScript(path, exists: errno != ENOENT && errno != ENOTDIR)
        }
        defer { close(fd) }
        return try read(fd, name: ShellMessages.scriptSource(path))
    }

    static func tooLarge(_ name: String) -> ShellError {
        ShellMessages.sourceTooLarge(name, megabytes: Limits.sourceBytes >> 20)
    }

    /// The `size` bytes of a regular file from `offset` on, read straight into the String's
    /// storage: one copy, no regrowth (a 10 MB script read in 64 KB chunks into a growing array,
    /// then copied into a String, took 10% of `nxsh parse.nxs`). One byte more is asked for, so a
    /// file that grew since fstat (or a /proc file, whose size reads 0) is noticed: it is read
    /// again from `offset` in chunks, which enforce the limit as they go (nil). A file that
    /// shrank just ends early.
    private static func readWhole(_ fd: Int32, size: Int, from offset: off_t, name: String) throws(ShellError) -> String? {
        var failure: Int32 = 0
        var grew = false
        let text = String(unsafeUninitializedCapacity: size + 1) { buffer in
            let (count, error) = fill(fd, buffer)
            failure = error
            grew = count > size
            return failure == 0 && !grew ? count : 0
        }
        if failure != 0 { throw ShellMessages.cannotReadSource(name, String(cString: strerror(failure))) }
        guard grew else { return text }
        guard lseek(fd, offset, SEEK_SET) == offset else {
            throw ShellMessages.cannotReadSource(name, String(cString: strerror(errno)))
        }
        return nil
    }

    /// Pipes, terminals and files that changed while read: 64 KB at a time.
    private static func readChunks(_ fd: Int32, name: String) throws(ShellError) -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let (count, error) = chunk.withUnsafeMutableBufferPointer { fill(fd, $0, once: true) }
            guard error == 0 else { throw ShellMessages.cannotReadSource(name, String(cString: strerror(error))) }
            if count == 0 { break }
            bytes += chunk[..<count]
            if bytes.count > Limits.sourceBytes { throw tooLarge(name) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// read(2) into `buffer` until it is full or at end of file (or after one successful read when
/// `once`), retrying on EINTR: the bytes read and 0, or the errno of a failed read.
private func fill(_ fd: Int32, _ buffer: UnsafeMutableBufferPointer<UInt8>, once: Bool = false) -> (count: Int, error: Int32) {
    var count = 0
    while count < buffer.count {
        let got = read(fd, buffer.baseAddress! + count, buffer.count - count)
        if got < 0, errno == EINTR { continue }
        if got < 0 { return (count, errno) }
        if got == 0 { break }
        count += got
        if once { break }
    }
    return (count, 0)
}
