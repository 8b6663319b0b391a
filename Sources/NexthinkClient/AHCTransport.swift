import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOSSL

/// The real transport on AsyncHTTPClient. AHC takes one proxy per client, so there is a
/// direct client and, when a proxy is configured, a second one for the hosts it applies to.
final class AHCTransport: HTTPTransport {
    private let direct: HTTPClient
    private let proxied: HTTPClient?
    private let proxy: ProxySettings?
    private let deadline: Duration
    /// Largest body we buffer; NQL results are capped by the service well below this.
    private let maxBody = 256 << 20

    init(connectTimeout: Duration, readTimeout: Duration, proxy: ProxySettings?,
         tls: TLSConfiguration = .makeClientConfiguration()) {
        func make(_ proxy: HTTPClient.Configuration.Proxy?) -> HTTPClient {
            var config = HTTPClient.Configuration(
                tlsConfiguration: tls, redirectConfiguration: .disallow,
                timeout: .init(connect: TimeAmount(connectTimeout), read: TimeAmount(readTimeout)),
                proxy: proxy, decompression: .disabled)
            // Fail connect errors at once: our retry policy decides, and needs to see a
            // refused connection as such rather than a pool timeout.
            config.connectionPool.retryConnectionEstablishment = false
            return HTTPClient(eventLoopGroupProvider: .singleton, configuration: config)
        }
        self.direct = make(nil)
        self.proxied = proxy.map { p in
            make(.server(host: p.host, port: p.port, authorization: p.user.map {
                .basic(username: $0, password: p.password?.reveal() ?? "")
            }))
        }
        self.proxy = proxy
        // A whole exchange may not outlast connect + two full read silences.
        self.deadline = connectTimeout + readTimeout * 2
    }

    func shutdown() async throws {
        try await direct.shutdown()
        try await proxied?.shutdown()
    }

    func send(_ request: HTTPRequest) async -> Result<HTTPResponse, TransportError> {
        var req = HTTPClientRequest(url: request.url)
        req.method = HTTPMethod(rawValue: request.method)
        for h in request.headers { req.headers.add(name: h.name, value: h.value) }
        if let body = request.body { req.body = .bytes(ByteBuffer(bytes: body)) }
        let client = client(for: request.endpoint)
        do {
            let response = try await client.execute(req, timeout: TimeAmount(deadline))
            let body = try await response.body.collect(upTo: maxBody)
            return .success(HTTPResponse(
                status: Int(response.status.code),
                headers: response.headers.map { ($0.name, $0.value) },
                body: Array(buffer: body)))
        } catch {
            return .failure(Self.classify(error, host: request.endpoint))
        }
    }

    func client(for endpoint: Endpoint) -> HTTPClient {
        let port = endpoint.port ?? (endpoint.scheme == "https" ? 443 : 80)
        if let proxied, let proxy, proxy.applies(toHost: endpoint.host, port: port) { return proxied }
        return direct
    }
}
