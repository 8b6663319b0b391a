#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// JSON-RPC framing over a pair of file descriptors: `Content-Length: N\r\n\r\n` then N bytes
/// of JSON. The server runs on the process's main thread (nxsh's entry is synchronous), so the
/// blocking reads never hold a cooperative thread.
final class MessageStream {
    enum Frame {
        case message(Any)
        /// A frame that could not be read as JSON-RPC; answered with an error, then skipped.
        case malformed(code: Int, message: String)
        case end
    }

    private let input: Int32
    private let output: Int32
    private var buffer: [UInt8] = []
    static let maximumLength = 64 << 20

    init(input: Int32 = 0, output: Int32 = 1) {
        self.input = input
        self.output = output
    }

    func next() -> Frame {
        guard let header = readHeader() else { return .end }
        let fields = header.split(separator: "\r\n").compactMap { line -> (String, String)? in
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            return (parts[0].lowercased().trimmingCharacters(in: .whitespaces), parts[1].trimmingCharacters(in: .whitespaces))
        }
        guard let text = fields.first(where: { $0.0 == "content-length" })?.1, let length = Int(text),
              (0...Self.maximumLength).contains(length) else {
            return .malformed(code: -32600, message: ShellMessages.badContentLength)
        }
        guard let body = readBytes(length) else { return .end }
        guard let json = try? JSONSerialization.jsonObject(with: Data(body)) else {
            return .malformed(code: -32700, message: ShellMessages.notJSON)
        }
        return .message(json)
    }

    func send(_ message: [String: Any]) {
        guard let body = try? JSONSerialization.data(withJSONObject: message, options: [.withoutEscapingSlashes]) else { return }
        var bytes = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        bytes += body
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(output, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }

    private func readHeader() -> String? {
        let separator: [UInt8] = [13, 10, 13, 10]
        while true {
            if let range = firstRange(of: separator) {
                let header = String(decoding: buffer[..<range.lowerBound], as: UTF8.self)
                buffer.removeSubrange(..<range.upperBound)
                return header
            }
            if buffer.count > 8192 { buffer.removeAll() }
            guard fill() else { return nil }
        }
    }

    private func readBytes(_ count: Int) -> [UInt8]? {
        while buffer.count < count { guard fill() else { return nil } }
        let bytes = Array(buffer[..<count])
        buffer.removeSubrange(..<count)
        return bytes
    }

    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            buffer += chunk[..<count]
            return true
        }
    }

    private func firstRange(of pattern: [UInt8]) -> Range<Int>? {
        guard buffer.count >= pattern.count else { return nil }
        for start in 0...(buffer.count - pattern.count) where buffer[start..<start + pattern.count].elementsEqual(pattern) {
            return start..<start + pattern.count
        }
        return nil
    }
}
