import CZlib
import CZstd

/// `compression` of an NQL export: what the service applies to the results file.
public enum ExportCompression: String, Sendable, Hashable, CaseIterable {
    case none = "NONE", gzip = "GZIP", zstd = "ZSTD"

    /// The file extension that keeps the data compressed on disk (`users.csv.gz`).
    public var fileExtension: String? {
        switch self {
        case .none: nil
        case .gzip: ".gz"
        case .zstd: ".zst"
        }
    }
}

struct DecompressionError: Error, Sendable {
    var message: String
}

/// Streaming decompression in fixed-size steps: memory stays flat however large the file.
protocol Decompressor {
    /// Decompresses `input`, handing the output to `sink` in pieces.
    mutating func feed(_ input: UnsafeRawBufferPointer, _ sink: (UnsafeRawBufferPointer) throws -> Void) throws
    /// Throws if the stream stopped before its end (a truncated download).
    mutating func finish() throws
    mutating func close()
}

enum Decompressors {
    static func make(_ compression: ExportCompression) throws -> any Decompressor {
        switch compression {
        case .none: PassThrough()
        case .gzip: try GzipInflater()
        case .zstd: try ZstdDecoder()
        }
    }
    static let chunk = 64 << 10
}

struct PassThrough: Decompressor {
    mutating func feed(_ input: UnsafeRawBufferPointer, _ sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        try sink(input)
    }
    mutating func finish() throws {}
    mutating func close() {}
}

/// zlib inflate with gzip framing; accepts concatenated gzip members, as gunzip does.
/// The z_stream lives on the heap: zlib keeps a pointer back to it, so it must not move.
struct GzipInflater: Decompressor {
    private let stream: UnsafeMutablePointer<z_stream>
    private var output = [UInt8](repeating: 0, count: Decompressors.chunk)
    private var ended = false
    private var open = true

    init() throws {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard nxsh_inflate_init_gzip(stream) == Z_OK else {
            stream.deallocate()
            throw DecompressionError(message: "cannot start GZIP decompression")
        }
    }

    mutating func feed(_ input: UnsafeRawBufferPointer, _ sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let base = input.baseAddress, input.count > 0 else { return }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        while stream.pointee.avail_in > 0 {
            if ended {
                // A further gzip member follows the one that just ended.
                guard inflateReset(stream) == Z_OK else { throw DecompressionError(message: "corrupt GZIP data") }
                ended = false
            }
            let stream = self.stream
            let status = try output.withUnsafeMutableBytes { out -> Int32 in
                stream.pointee.next_out = out.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_out = uInt(out.count)
                let status = inflate(stream, Z_NO_FLUSH)
                try sink(UnsafeRawBufferPointer(rebasing: out[0..<(out.count - Int(stream.pointee.avail_out))]))
                return status
            }
            switch status {
            case Z_STREAM_END: ended = true
            case Z_OK, Z_BUF_ERROR: continue
            default: throw DecompressionError(message: "corrupt GZIP data (zlib status \(status))")
            }
        }
    }

    mutating func finish() throws {
        guard ended else { throw DecompressionError(message: "the GZIP data ends early (truncated file)") }
    }

    mutating func close() {
        guard open else { return }
        inflateEnd(stream)
        stream.deallocate()
        open = false
    }
}

struct ZstdDecoder: Decompressor {
    private let context: OpaquePointer
    private var output = [UInt8](repeating: 0, count: Decompressors.chunk)
    /// 0 after a complete frame: ZSTD_decompressStream's "frame done" signal.
    private var pending: Int = 0
    private var open = true

    init() throws {
        guard let context = ZSTD_createDCtx() else { throw DecompressionError(message: "cannot start ZSTD decompression") }
        self.context = context
    }

    mutating func feed(_ input: UnsafeRawBufferPointer, _ sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard input.count > 0 else { return }
        var inBuffer = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
        var more = true
        while inBuffer.pos < inBuffer.size || more {
            let result = try output.withUnsafeMutableBytes { out -> Int in
                var outBuffer = ZSTD_outBuffer(dst: out.baseAddress, size: out.count, pos: 0)
                let result = ZSTD_decompressStream(context, &outBuffer, &inBuffer)
                if ZSTD_isError(result) == 0 {
                    try sink(UnsafeRawBufferPointer(rebasing: out[0..<outBuffer.pos]))
                }
                more = outBuffer.pos == outBuffer.size
                return result
            }
            if ZSTD_isError(result) != 0 {
                throw DecompressionError(message: "corrupt ZSTD data (\(String(cString: ZSTD_getErrorName(result))))")
            }
            pending = result
        }
    }

    mutating func finish() throws {
        guard pending == 0 else { throw DecompressionError(message: "the ZSTD data ends early (truncated file)") }
    }

    mutating func close() {
        if open { ZSTD_freeDCtx(context) }
        open = false
    }
}
