import Foundation
@testable import NexthinkClient
import NexthinkEmulator
import TestSupport
import Testing

/// Exports against the emulator: polling, download without token, decompression, atomic files.
@Suite("NQL export")
struct ExportClientTests {
    /// Emulated time runs fast so an export completes after a few (unslept) polls.
    static func options(_ configure: (inout EmulatorOptions) -> Void = { _ in }) -> EmulatorOptions {
        var o = EmulatorOptions()
        o.timeScale = 20_000
        configure(&o)
        return o
    }

    /// The client's read timeout in these tests: longer than any run, because they are not about
    /// time. A download is never retried, so with the harness's 5 s a loaded machine (the
    /// in-process emulator waiting for a cooperative thread) turned a slow answer into a timeout
    /// instead of the outcome under test.
    static let untimed: Duration = .seconds(86_400)

    static func withExportEmulator<T>(_ options: EmulatorOptions = options(),
                                      _ body: (EmulatorServer, NexthinkClient) async throws -> T) async throws -> T {
        try await withEmulator(options, readTimeout: untimed, body)
    }

    static func large(_ rows: Int, _ compression: ExportCompression = .none) -> ExportRequest {
        ExportRequest(queryID: "#large_table", parameters: ["rows": String(rows)], compression: compression)
    }

    @Test(arguments: ExportCompression.allCases)
    func exportIsDownloadedDecompressedAndCounted(_ compression: ExportCompression) async throws {
        let dir = try TempDirectory()
        let target = dir.path + "/events.csv"
        try await Self.withExportEmulator { server, client in
            let result = try await client.export(Self.large(2_000, compression), to: target)
            #expect(result.rows == 2_000)
            #expect(!result.truncated)
            #expect(result.file == target)
            let text = try String(contentsOfFile: target, encoding: .utf8)
            #expect(text.hasPrefix("event.number,device.name,event.value\n"))
            #expect(text.contains("\"sample 7, \"\"quoted\"\"\""))
            #expect(result.bytes == Int64(text.utf8.count))
            #expect(try CSVReader.records(Array(text.utf8), source: "events.csv").count == 2_001)
            #expect(try dir.entries() == ["events.csv"])
            #expect(server.stats.requests(for: .nqlExportFile) == 1)
        }
    }

    @Test(arguments: [(ExportCompression.gzip, [UInt8]([0x1F, 0x8B])), (.zstd, [0x28, 0xB5, 0x2F, 0xFD])])
    func aTargetWithTheExtensionKeepsTheCompressedBytes(_ compression: ExportCompression, _ magic: [UInt8]) async throws {
        let dir = try TempDirectory()
        let target = dir.path + "/events.csv" + (compression.fileExtension ?? "")
        try await Self.withExportEmulator { _, client in
            let result = try await client.export(Self.large(500, compression), to: target)
            #expect(result.rows == 500)
            let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: target)))
            #expect(Array(bytes.prefix(magic.count)) == magic)
            #expect(result.bytes == Int64(bytes.count))
        }
    }

    /// `width` pads every value: the emulator writes the file in many pieces, each compressed
    /// on its own into one stream, and the client joins them back.
    @Test(arguments: ExportCompression.allCases)
    func aWideExportStreamsThroughInManyPieces(_ compression: ExportCompression) async throws {
        let dir = try TempDirectory()
        let target = dir.path + "/wide.csv"
        var request = Self.large(120, compression)
        request.parameters["width"] = "2000"
        try await Self.withExportEmulator { _, client in
            let result = try await client.export(request, to: target)
            #expect(result.rows == 120)
            let records = try CSVReader.records(Array(try Data(contentsOf: URL(fileURLWithPath: target))), source: "wide.csv")
            #expect(records.count == 121)
            #expect(records.dropFirst().allSatisfy { $0.fields.count == 3 && $0.fields[2].utf8.count == 2000 })
            #expect(records[8].fields[2].hasPrefix("sample 7, \"quoted\"xxx"))
            #expect(result.bytes > 120 * 2000)
        }
    }

    @Test func truncatedExportIsFlagged() async throws {
        let dir = try TempDirectory()
        try await Self.withExportEmulator(Self.options { $0.dataLimits.exportRows = 300 }) { _, client in
            let result = try await client.export(Self.large(450), to: dir.path + "/cut.csv")
            #expect(result.truncated)
            #expect(result.rows == 300)
        }
    }

    /// Emulated time moves only when the client waits (never across a UTC midnight), so the
    /// daily count cannot reset in the middle of the test however slow the machine is.
    @Test func dailyLimitIsAClearErrorNotARetryLoop() async throws {
        let dir = try TempDirectory()
        try await withEmulatorServer(Self.options { $0.timeScale = 0.000_001; $0.dataLimits.exportsPerDay = 1 }) { server in
            let now = Date().timeIntervalSince1970
            server.advanceTime(by: .seconds(86_400 - now.truncatingRemainder(dividingBy: 86_400) + 60))
            let recorder = Recorder()
            let environment = testEnvironment(recorder) { _ in server.advanceTime(by: .seconds(2)) }
            try await withClient(try makeClient(api: server.baseURL, recorder: recorder, readTimeout: Self.untimed, environment: environment)) { client in
                _ = try await client.export(Self.large(5), to: dir.path + "/first.csv")
                let before = server.stats.requests(for: .nqlStatus)
                let error = try #require(await nexthinkError { try await client.export(Self.large(5), to: dir.path + "/second.csv") })
                #expect(error.kind == .throttled)
                #expect(error.message.contains("daily limit"))
                #expect(error.retryAfter != nil)
                #expect(server.stats.requests(for: .nqlStatus) == before + 1)
                #expect(try dir.entries() == ["first.csv"])
            }
        }
    }

    @Test func failedDownloadLeavesTheTargetAsItWas() async throws {
        let dir = try TempDirectory()
        let target = dir.path + "/keep.csv"
        try "old content\n".write(toFile: target, atomically: true, encoding: .utf8)
        try await Self.withExportEmulator { server, client in
            server.faults.inject(.nqlExportFile, .status(403))
            let expired = try #require(await nexthinkError { try await client.export(Self.large(50), to: target) })
            #expect(expired.kind == .forbidden)
            #expect(expired.path?.contains("?") == false)
            server.faults.inject(.nqlExportFile, .status(302))
            let redirect = try #require(await nexthinkError { try await client.export(Self.large(50), to: target) })
            #expect(redirect.hint?.contains("redirect") == true)
            // Only the size is limited here: the download keeps the default time limit.
            let limited = ExportOptions(download: StreamLimits(maxBytes: 1_000, timeout: ExportOptions().download.timeout))
            let tooBig = try #require(await nexthinkError { try await client.export(Self.large(2_000), to: target, options: limited) })
            #expect(tooBig.message.contains("larger than the limit"))
            #expect(try String(contentsOfFile: target, encoding: .utf8) == "old content\n")
            #expect(try dir.entries() == ["keep.csv"])
        }
    }

    @Test func resultsURLMustBeHTTPSOrLoopback() throws {
        #expect(throws: NexthinkError.self) { try ResultsDownload.parse("http://storage.example.com/x.csv?sig=1") }
        #expect(throws: NexthinkError.self) { try ResultsDownload.parse("https://user:pw@storage.example.com/x.csv") }
        let (endpoint, target) = try ResultsDownload.parse("https://storage.example.com/a%20b/x.csv?X-Amz-Signature=abc")
        #expect(endpoint.host == "storage.example.com")
        #expect(target == "/a%20b/x.csv?X-Amz-Signature=abc")
    }
}

/// A fresh directory, removed when the value goes away.
final class TempDirectory: Sendable {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "nxsh-data-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func entries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
