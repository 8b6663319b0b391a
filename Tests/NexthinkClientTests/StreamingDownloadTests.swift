import Foundation
@testable import NexthinkClient
import NexthinkEmulator
import Synchronization
import Testing

/// Records the size of every piece of body the transport hands over.
final class ChunkRecordingTransport: HTTPTransport {
    let inner = AHCTransport(connectTimeout: .seconds(2), readTimeout: .seconds(30), proxy: nil)
    let sizes = Mutex<[Int]>([])

    func send(_ request: HTTPRequest) async -> Result<HTTPResponse, TransportError> {
        await inner.send(request)
    }

    func stream(_ request: HTTPRequest, limits: StreamLimits,
                body: (UnsafeRawBufferPointer) throws -> Void) async throws -> HTTPResponse {
        try await inner.stream(request, limits: limits) { chunk in
            sizes.withLock { $0.append(chunk.count) }
            try body(chunk)
        }
    }

    func shutdown() async throws { try await inner.shutdown() }
}

@Suite("Streaming download")
struct StreamingDownloadTests {
    /// Flat memory: the file arrives in bounded pieces that go straight to disk, never whole.
    /// Modest size, because the tests run in parallel; peak memory at scale (a 1 GB export) is
    /// for `scripts/bench export-large`.
    @Test func largeGzipFileIsStreamedInBoundedPieces() async throws {
        let dir = try TempDirectory()
        try await withEmulator(ExportClientTests.options()) { _, client in
            let id = try await client.startExport(ExportClientTests.large(40_000, .gzip))
            let status = try await client.waitForExport(id: id, options: .init())
            let url = try #require(status.resultsFileUrl)
            let transport = ChunkRecordingTransport()
            let download = ResultsDownload(transport: transport, limits: StreamLimits(maxBytes: 1 << 30, timeout: .seconds(60)))
            let result: DownloadResult
            do {
                result = try await download.run(url: url, to: dir.path + "/big.csv", compression: .gzip)
                try await transport.shutdown()
            } catch {
                try? await transport.shutdown()
                throw error
            }
            let sizes = transport.sizes.withLock { $0 }
            #expect(result.rows == 40_000)
            #expect(sizes.count > 1)
            #expect((sizes.max() ?? 0) <= 1 << 20)
            #expect(result.bytes > 10 * Int64(sizes.max() ?? 0))
        }
    }
}
