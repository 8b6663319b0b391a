import CZlib
import CZstd

/// Compresses an export's results file piece by piece, the way the service does for
/// `compression` GZIP (one gzip member) or ZSTD (one frame): memory stays the size of one
/// piece however large the file.
final class Compressor {
    private enum Engine {
        case none
        /// On the heap: zlib keeps a pointer back to its z_stream, so it must not move.
        case gzip(UnsafeMutablePointer<z_stream>)
        case zstd(OpaquePointer)
    }

    private let engine: Engine
    private var output = [UInt8](repeating: 0, count: 64 << 10)

    /// nil for an unknown compression name or a library that cannot start.
    init?(_ name: String) {
        switch name {
        case "NONE":
            engine = .none
        case "GZIP":
            let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            stream.initialize(to: z_stream())
            guard nxsh_deflate_init_gzip(stream, Z_DEFAULT_COMPRESSION) == Z_OK else {
                stream.deallocate()
                return nil
            }
            engine = .gzip(stream)
        case "ZSTD":
            guard let context = ZSTD_createCCtx() else { return nil }
            guard ZSTD_isError(ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, 3)) == 0 else {
                ZSTD_freeCCtx(context)
                return nil
            }
            engine = .zstd(context)
        default:
            return nil
        }
    }

    deinit {
        switch engine {
        case .none: break
        case .gzip(let stream):
            deflateEnd(stream)
            stream.deallocate()
        case .zstd(let context):
            ZSTD_freeCCtx(context)
        }
    }

    /// The compressed form of `input`; with `final`, also the end of the stream. nil if the
    /// library failed.
    func compress(_ input: [UInt8], final: Bool) -> [UInt8]? {
        switch engine {
        case .none: input
        case .gzip(let stream): gzipPiece(stream, input, final: final)
        case .zstd(let context): zstdPiece(context, input, final: final)
        }
    }

    private func gzipPiece(_ stream: UnsafeMutablePointer<z_stream>, _ input: [UInt8], final: Bool) -> [UInt8]? {
        var result: [UInt8] = []
        return input.withUnsafeBufferPointer { source -> [UInt8]? in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.pointee.avail_in = uInt(source.count)
            while true {
                let status = output.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.pointee.next_out = out.baseAddress
                    stream.pointee.avail_out = uInt(out.count)
                    let status = deflate(stream, final ? Z_FINISH : Z_NO_FLUSH)
                    result.append(contentsOf: out.prefix(out.count - Int(stream.pointee.avail_out)))
                    return status
                }
                switch status {
                case Z_STREAM_END: return result
                case Z_OK, Z_BUF_ERROR:
                    // Done with this piece once zlib has taken all input and had room to spare.
                    if !final, stream.pointee.avail_in == 0, stream.pointee.avail_out > 0 { return result }
                default: return nil
                }
            }
        }
    }

    private func zstdPiece(_ context: OpaquePointer, _ input: [UInt8], final: Bool) -> [UInt8]? {
        var result: [UInt8] = []
        return input.withUnsafeBytes { source -> [UInt8]? in
            var inBuffer = ZSTD_inBuffer(src: source.baseAddress, size: source.count, pos: 0)
            while true {
                let remaining = output.withUnsafeMutableBytes { out -> Int in
                    var outBuffer = ZSTD_outBuffer(dst: out.baseAddress, size: out.count, pos: 0)
                    let remaining = ZSTD_compressStream2(context, &outBuffer, &inBuffer, final ? ZSTD_e_end : ZSTD_e_continue)
                    result.append(contentsOf: out.prefix(outBuffer.pos))
                    return remaining
                }
                if ZSTD_isError(remaining) != 0 { return nil }
                // `remaining` counts what the frame's end still has to flush.
                if final ? remaining == 0 : inBuffer.pos == inBuffer.size { return result }
            }
        }
    }
}
