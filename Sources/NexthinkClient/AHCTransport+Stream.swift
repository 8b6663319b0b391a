import AsyncHTTPClient
import NIOCore
import NIOHTTP1

extension AHCTransport {
    /// Error bodies of a streamed call are kept up to this size (enough for a storage error).
    static let streamErrorBody = 64 << 10

    /// The body flows through AHC's back-pressured stream: memory stays flat for any size.
    /// Redirects are never followed (the client is configured with `.disallow`): a 3xx comes
    /// back as is.
    func stream(_ request: HTTPRequest, limits: StreamLimits,
                body: (UnsafeRawBufferPointer) throws -> Void) async throws -> HTTPResponse {
        var req = HTTPClientRequest(url: request.url)
        req.method = HTTPMethod(rawValue: request.method)
        for h in request.headers { req.headers.add(name: h.name, value: h.value) }
        let client = client(for: request.endpoint)
        let response: HTTPClientResponse
        do {
            response = try await client.execute(req, timeout: TimeAmount(limits.timeout))
        } catch {
            throw Self.classify(error, host: request.endpoint)
        }
        let status = Int(response.status.code)
        let headers = response.headers.map { ($0.name, $0.value) }
        guard (200..<300).contains(status) else {
            let collected = (try? await response.body.collect(upTo: Self.streamErrorBody)).map { Array(buffer: $0) }
            return HTTPResponse(status: status, headers: headers, body: collected ?? [])
        }
        var total: Int64 = 0
        var iterator = response.body.makeAsyncIterator()
        while true {
            let next: ByteBuffer?
            do {
                next = try await iterator.next()
            } catch {
                throw Self.classify(error, host: request.endpoint)
            }
            guard let chunk = next else { break }
            total += Int64(chunk.readableBytes)
            guard total <= limits.maxBytes else { throw StreamLimitExceeded(maxBytes: limits.maxBytes) }
            try chunk.withUnsafeReadableBytes(body)
        }
        return HTTPResponse(status: status, headers: headers, body: [])
    }
}
