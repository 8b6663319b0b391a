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
                throw ShellError("cannot read \(name): \(error.localizedDescription)", exitCode: ExitStatus.noInput)
            }
            if chunk.isEmpty { break }
            data.append(chunk)
            if data.count > Limits.sourceBytes { throw tooLarge(name) }
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func readFile(_ path: String) throws(ShellError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let why = FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"
            throw ShellError("cannot open script '\(path)': \(why)", exitCode: ExitStatus.noInput)
        }
        defer { try? handle.close() }
        return try read(handle, name: "script '\(path)'")
    }

    static func tooLarge(_ name: String) -> ShellError {
        ShellError("\(name) is larger than \(Limits.sourceBytes >> 20) MiB; nothing ran",
                   notes: ["split it into smaller scripts, or keep data in files the script reads"],
                   exitCode: ExitStatus.scriptError)
    }
}
