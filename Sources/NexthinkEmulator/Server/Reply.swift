#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Hummingbird
import NIOCore

/// Response builders for the three error dialects the service speaks: Remote Actions
/// `{code, message}`, NQL `{message, code: Int, source}` and OAuth2 (RFC 6749) `{error, error_description}`.
enum Reply {
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return bytes(data, status: status, contentType: "application/json", headers: headers)
    }

    static func bytes(_ data: some Sequence<UInt8>, status: HTTPResponse.Status = .ok, contentType: String,
                      headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = contentType
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func actionError(_ status: HTTPResponse.Status, _ code: String, _ message: String) -> Response {
        json(["code": code, "message": message], status: status)
    }

    /// The Workflows API's `ErrorResponse`: `details` where the others say `message`.
    static func workflowError(_ status: HTTPResponse.Status, _ code: String, _ details: String) -> Response {
        json(["code": code, "details": details], status: status)
    }

    static func invalidRequest(_ message: String) -> Response {
        actionError(.badRequest, "INVALID_REQUEST", message)
    }

    static func nqlError(_ status: HTTPResponse.Status, _ message: String, source: String) -> Response {
        json(NQLError(message: message, code: status.code, source: source), status: status)
    }

    static func oauthError(_ status: HTTPResponse.Status, _ error: String, _ description: String) -> Response {
        var headers: HTTPFields = [.cacheControl: "no-store"]
        if status == .unauthorized { headers[.wwwAuthenticate] = #"Basic realm="nexthink""# }
        return json(["error": error, "error_description": description], status: status, headers: headers)
    }

    /// The spec documents no body for 401; clients must cope with none.
    static func unauthorized() -> Response {
        Response(status: .unauthorized, headers: [.wwwAuthenticate: #"Bearer error="invalid_token""#])
    }

    /// The Campaigns document gives 401 a `TriggerErrorResponse` body.
    static func unauthorized(body: [String: String]) -> Response {
        json(body, status: .unauthorized, headers: [.wwwAuthenticate: #"Bearer error="invalid_token""#])
    }

    private struct NQLError: Encodable {
        var message: String
        var code: Int
        var source: String
    }
}
