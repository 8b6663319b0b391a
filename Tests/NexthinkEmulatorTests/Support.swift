import AsyncHTTPClient
import Foundation
import NexthinkEmulator
import TestSupport
import Testing

/// One HTTP exchange with the emulator, over a real socket.
struct HTTPResult {
    let status: Int
    let headers: [(name: String, value: String)]
    let body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    func object() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any], "not a JSON object: \(text)")
    }

    func array() throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [[String: Any]], "not a JSON array: \(text)")
    }
}

enum Emu {
    static let demoBasic = "Basic " + Data("sandbox-client:sandbox-secret".utf8).base64EncodedString()
    static let tokenForm = "grant_type=client_credentials&scope=service%3Aintegration"

    static func with(
        _ configure: (inout EmulatorOptions) -> Void = { _ in },
        _ body: (EmulatorServer) async throws -> Void
    ) async throws {
        var options = EmulatorOptions()
        configure(&options)
        try await withEmulatorServer(options, body)
    }

    static func send(
        _ method: String, _ url: String, headers: [String: String] = [:], body: [UInt8]? = nil,
        timeout: Duration = .seconds(30)
    ) async throws -> HTTPResult {
        var request = HTTPClientRequest(url: url)
        request.method = .init(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(body) }
        let response = try await HTTPClient.shared.execute(request, timeout: .init(timeout))
        let collected = try await response.body.collect(upTo: 64 << 20)
        return HTTPResult(status: Int(response.status.code),
                          headers: response.headers.map { ($0.name, $0.value) },
                          body: Array(collected.readableBytesView))
    }

    static func token(_ server: EmulatorServer) async throws -> String {
        let r = try await send("POST", server.baseURL + "/oauth2/default/v1/token",
                               headers: ["Authorization": demoBasic, "Content-Type": "application/x-www-form-urlencoded"],
                               body: Array(tokenForm.utf8))
        #expect(r.status == 200, "\(r.text)")
        return try #require(try r.object()["access_token"] as? String)
    }

    /// An authorized API call; `json` is serialized as the body.
    static func api(
        _ server: EmulatorServer, _ method: String, _ path: String, token: String, json: Any? = nil,
        headers: [String: String] = [:]
    ) async throws -> HTTPResult {
        var all = headers
        all["Authorization"] = "Bearer \(token)"
        var body: [UInt8]?
        if let json {
            all["Content-Type"] = "application/json"
            body = Array(try JSONSerialization.data(withJSONObject: json))
        }
        return try await send(method, server.baseURL + path, headers: all, body: body)
    }

    static func execute(_ server: EmulatorServer, token: String, _ request: [String: Any]) async throws -> HTTPResult {
        try await api(server, "POST", "/api/v1/act/execute", token: token, json: request)
    }

    static func nql(_ server: EmulatorServer, token: String, _ queryID: String, _ parameters: [String: String] = [:],
                    version: Int = 2, accept: String? = nil) async throws -> HTTPResult {
        try await api(server, "POST", "/api/v\(version)/nql/execute", token: token,
                      json: ["queryId": queryID, "parameters": parameters],
                      headers: accept.map { ["Accept": $0] } ?? [:])
    }
}

/// Fleet members from the bundled seed that the tests rely on.
enum Fleet {
    static let docsExample = "3fa85f64-5717-4562-b3fc-2c963f66afa6"   // LAPTOP-01, Windows, online
    static let laptop02 = "2bdb0941-2507-40de-854a-3efa1784b26b"      // Windows, online
    static let laptop03 = "d0debb1b-fc48-4eb1-81fa-8a799b21d108"      // Windows, online
    static let unknown = "00000000-0000-4000-8000-000000000001"       // not in the fleet
}
