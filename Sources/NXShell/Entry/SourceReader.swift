import Foundation
import NXLanguage

/// Reads a script file or stdin in chunks, stopping at `Limits.sourceBytes`, so `nxsh < /dev/zero`
/// or `yes | nxsh` ends at once with a clear error instead of filling memory.
enum SourceReader {
    static func read(_ handle: FileHandle, name: String) throws(ShellError) -> String {
        var data = Data()
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: 1 << 16) ?? Data()
            } catch {
                throw ShellMessages.cannotReadSource(name, error.localizedDescription)
            }
            if chunk.isEmpty { break }
            data.append(chunk)
            if data.count > Limits.sourceBytes { throw tooLarge(name) }
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func readFile(_ path: String) throws(ShellError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ShellMessages.cannotOpenScript(path, exists: FileManager.default.fileExists(atPath: path))
        }
        defer { try? handle.close() }
        return try read(handle, name: ShellMessages.scriptSource(path))
    }

    static func tooLarge(_ name: String) -> ShellError {
        ShellMessages.sourceTooLarge(name, megabytes: Limits.sourceBytes >> 20)
    }
}
