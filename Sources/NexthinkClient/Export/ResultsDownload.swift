#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a finished download produced.
public struct DownloadResult: Sendable, Hashable {
    public var file: String
    /// Data records (the header line not counted).
    public var rows: Int
    /// Bytes written to `file`.
    public var bytes: Int64
}

/// Fetches an export's results file: a pre-signed storage URL, so no bearer token is sent
/// (the storage would reject it, and it must not leak to a third host). Streams through the
/// decompressor into a temporary file beside the target; rows are counted on the way.
struct ResultsDownload {
    let transport: any HTTPTransport
    let limits: StreamLimits

    func run(url: String, to path: String, compression: ExportCompression) async throws -> DownloadResult {
        let (endpoint, target) = try Self.parse(url)
        // `users.csv.gz` keeps the GZIP data; `users.csv` gets it decompressed.
        let keepCompressed = compression.fileExtension.map { path.hasSuffix($0) } ?? false
        var file: PartialFile
        do { file = try PartialFile(target: path) } catch { throw Self.fileError(error, path) }
        var decompressor: any Decompressor
        do { decompressor = try Decompressors.make(compression) } catch { file.abandon(); throw Self.decodeError(error) }
        defer { decompressor.close() }
        var counter = CSVRecordCounter()
        let request = HTTPRequest(method: "GET", endpoint: endpoint, target: target, headers: [], body: nil)
        let shown = endpoint.string + (target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "")
        do {
            let response = try await transport.stream(request, limits: limits) { chunk in
                if keepCompressed { try file.write(chunk) }
                try decompressor.feed(chunk) { out in
                    counter.feed(out)
                    if !keepCompressed { try file.write(out) }
                }
            }
            guard (200..<300).contains(response.status) else { throw Self.statusError(response.status, shown) }
            try decompressor.finish()
            try file.commit()
        } catch {
            file.abandon()
            throw Self.error(error, shown: shown, path: path)
        }
        return DownloadResult(file: path, rows: max(counter.records - 1, 0), bytes: file.written)
    }

    /// https, or http to a loopback host (the emulator); no credentials. The query (the
    /// storage signature) is kept for the request but never shown.
    static func parse(_ url: String) throws(NexthinkError) -> (Endpoint, String) {
        guard let c = URLComponents(string: url), let scheme = c.scheme?.lowercased(), let host = c.host, !host.isEmpty,
              c.user == nil, c.password == nil else {
            throw NexthinkError(kind: .decoding, message: "the export's results file URL is not a usable absolute URL",
                                hint: "the service changed its format; try the export again")
        }
        let endpoint = Endpoint(scheme: scheme, host: host, port: c.port, path: "")
        guard scheme == "https" || (scheme == "http" && endpoint.isLoopback) else {
            throw NexthinkError(kind: .decoding, message: "the export's results file URL uses \(scheme)://\(host), which is not https",
                                hint: "refused: the results would travel unencrypted")
        }
        let path = c.percentEncodedPath.isEmpty ? "/" : c.percentEncodedPath
        return (endpoint, path + (c.percentEncodedQuery.map { "?" + $0 } ?? ""))
    }

    private static func error(_ error: any Error, shown: String, path: String) -> NexthinkError {
        switch error {
        case let e as NexthinkError: return e
        case let e as FileProblem: return fileError(e, path)
        case let e as DecompressionError: return decodeError(e)
        case let e as StreamLimitExceeded:
            return NexthinkError(kind: .invalidRequest, message: "the results file is larger than the limit of \(e.maxBytes) bytes; nothing was kept",
                                 method: "GET", path: shown, hint: "raise the download size limit, or export fewer rows")
        case let e as TransportError:
            var result = NexthinkError(kind: .unreachable, message: "downloading the results file: \(e.reason); nothing was kept",
                                       method: "GET", path: shown, hint: "run the export again (the file URL is valid for 15 minutes)")
            if case .timedOut = e { result.kind = .timeout }
            return result
        default:
            return NexthinkError(kind: .unreachable, message: "downloading the results file was interrupted (\(error)); nothing was kept",
                                 method: "GET", path: shown)
        }
    }

    private static func statusError(_ status: Int, _ shown: String) -> NexthinkError {
        let (kind, hint): (NexthinkError.Kind, String) = switch status {
        case 300..<400: (.invalidRequest, "the storage answered with a redirect, which is refused for results files")
        case 403: (.forbidden, "the pre-signed URL was refused; it is valid for 15 minutes, so run the export again")
        case 404: (.notFound, "the results file is gone; run the export again")
        default: (.server, "the storage failed; run the export again later")
        }
        return NexthinkError(kind: kind, status: status, message: "downloading the results file: \(ErrorContext.reason(status))",
                             method: "GET", path: shown, hint: hint)
    }

    static func fileError(_ e: FileProblem, _ path: String) -> NexthinkError {
        NexthinkError(kind: .configuration, message: e.message + "; \(path) was not changed",
                      hint: "check that the directory exists and is writable, and that the disk has room")
    }

    static func decodeError(_ e: any Error) -> NexthinkError {
        let message = (e as? DecompressionError)?.message ?? "\(e)"
        return NexthinkError(kind: .decoding, message: "the results file cannot be decompressed: \(message); nothing was kept",
                             hint: "run the export again; if it persists, export with compression NONE")
    }
}
