import CZlib
import CZstd

/// Compresses export results files the way the service does for `compression` GZIP or ZSTD.
enum Compression {
    static func apply(_ name: String, to data: [UInt8]) -> [UInt8]? {
        switch name {
        case "NONE": data
        case "GZIP": gzip(data)
        case "ZSTD": zstd(data)
        default: nil
        }
    }

    /// The z_stream lives on the heap: zlib keeps a pointer back to it, so it must not move.
    static func gzip(_ data: [UInt8]) -> [UInt8]? {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        guard nxsh_deflate_init_gzip(stream, Z_DEFAULT_COMPRESSION) == Z_OK else { return nil }
        defer { deflateEnd(stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, uLong(data.count))) + 32)
        let status = data.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.pointee.avail_in = uInt(input.count)
                stream.pointee.next_out = out.baseAddress
                stream.pointee.avail_out = uInt(out.count)
                return deflate(stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        return Array(output.prefix(Int(stream.pointee.total_out)))
    }

    static func zstd(_ data: [UInt8]) -> [UInt8]? {
        var output = [UInt8](repeating: 0, count: ZSTD_compressBound(data.count))
        let size = data.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { out in
                ZSTD_compress(out.baseAddress, out.count, input.baseAddress, input.count, 3)
            }
        }
        guard ZSTD_isError(size) == 0 else { return nil }
        return Array(output.prefix(size))
    }
}
