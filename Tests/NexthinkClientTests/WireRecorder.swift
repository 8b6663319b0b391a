import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A one-connection-at-a-time HTTP server on 127.0.0.1 that records each raw request line and
/// answers every request with the same canned response. Used to pin exact wire URLs, which the
/// emulator (a real HTTP framework) decodes before we could see them.
final class WireRecorder: Sendable {
    let port: Int
    private let fd: Int32
    private let lines = Mutex<[String]>([])
    private let response: String

    var requestLines: [String] { lines.withLock { $0 } }

    init(status: String = "200 OK", body: String) throws {
        response = "HTTP/1.1 \(status)\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
        #if canImport(Glibc)
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let s = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard s >= 0 else { throw POSIXError(.EIO) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(s, 16) == 0 else { close(s); throw POSIXError(.EADDRINUSE) }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(s, $0, &len) }
        }
        fd = s
        port = Int(UInt16(bigEndian: addr.sin_port))
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    private func serve() {
        while true {
            let c = accept(fd, nil, nil)
            if c < 0 { return }
            var data = [UInt8]()
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !data.contains(UInt8(ascii: "\n")) {
                let n = read(c, &buffer, buffer.count)
                if n <= 0 { break }
                data += buffer[0..<n]
            }
            // Drain the rest of a small request so the client sees a clean answer.
            usleep(20_000)
            _ = buffer.withUnsafeMutableBytes { recv(c, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            let line = String(decoding: data.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }, as: UTF8.self)
            lines.withLock { $0.append(line) }
            _ = response.utf8CString.withUnsafeBufferPointer { write(c, $0.baseAddress, $0.count - 1) }
            close(c)
        }
    }

    func stop() {
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }
}

/// Keeps a loopback port reserved without listening on it, so connecting to it is refused
/// and no other test's server can take it meanwhile.
final class PortHolder: Sendable {
    let port: Int
    private let fd: Int32

    init(port: Int = 0) throws {
        #if canImport(Glibc)
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let s = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard s >= 0 else { throw POSIXError(.EIO) }
        var one: Int32 = 1
        setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = UInt16(port).bigEndian
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, len) == 0 && getsockname(s, $0, &len) == 0 }
        }
        guard bound else { close(s); throw POSIXError(.EADDRINUSE) }
        fd = s
        self.port = Int(UInt16(bigEndian: addr.sin_port))
    }

    func release() {
        close(fd)
    }
}
