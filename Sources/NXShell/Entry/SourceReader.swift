#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NXLanguage

/// Reads a script file or stdin in chunks, stopping at `Limits.sourceBytes`, so `nxsh < /dev/zero`
/// or `yes | nxsh` ends at once with a clear error instead of filling memory. Plain read(2) on
/// a descriptor: FileHandle would pull full Foundation into every start.
enum SourceReader {
    static func read(_ fd: Int32, name: String) throws(ShellError) -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { readChunk(fd, into: $0) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else {
                throw ShellMessages.cannotReadSource(name, String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes += chunk[..<count]
            if bytes.count > Limits.sourceBytes { throw tooLarge(name) }
        }
        return String(decoding: bytes, as: UTF8.self)
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
}

/// read(2), which `SourceReader.read` would shadow inside the type.
private func readChunk(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
    read(fd, buffer.baseAddress, buffer.count)
}
