import Hummingbird
import NIOCore

/// An export's results file: the rows captured when the export started, written out as CSV
/// (compressed as the export asked) piece by piece when it is downloaded. The download's
/// back-pressure paces the writing, so a gigabyte file never sits whole in memory.
struct ExportFile: Sendable {
    let headers: [String]
    let rows: RowSource
    /// `NONE`, `GZIP` or `ZSTD`, as `Compressor` knows them.
    let compression: String

    struct CompressionFailed: Error {}

    /// CSV bytes gathered before each compression and write.
    static let pieceSize = 64 << 10

    var contentType: String {
        compression == "GZIP" ? "application/gzip" : compression == "ZSTD" ? "application/zstd" : "text/csv"
    }

    func write(to writer: inout any ResponseBodyWriter) async throws {
        guard let compressor = Compressor(compression) else { throw CompressionFailed() }
        var piece = Array(NQLFormat.csvLine(headers).utf8)
        piece.reserveCapacity(Self.pieceSize * 2)
        for i in 0..<rows.count {
            piece.append(contentsOf: NQLFormat.csvLine(rows.row(i).map(\.csvText)).utf8)
            if piece.count >= Self.pieceSize {
                try await send(compressor.compress(piece, final: false), to: &writer)
                piece.removeAll(keepingCapacity: true)
            }
        }
        try await send(compressor.compress(piece, final: true), to: &writer)
    }

    private func send(_ bytes: [UInt8]?, to writer: inout any ResponseBodyWriter) async throws {
        guard let bytes else { throw CompressionFailed() }
        if !bytes.isEmpty { try await writer.write(ByteBuffer(bytes: bytes)) }
    }
}
