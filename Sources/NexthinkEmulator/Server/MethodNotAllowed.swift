import Hummingbird

/// The router answers 404 for a known path called with the wrong method; a real REST service
/// answers 405 with `Allow`, which clients and conformance checks rely on.
struct MethodNotAllowed: RouterMiddleware {
    typealias Context = EmulatorContext

    /// Path (a trailing `*` matches one more segment) to the methods it serves.
    static let routes: [(path: String, methods: [HTTPRequest.Method])] = [
        ("/oauth2/default/v1/token", [.post]), ("/api/v1/token", [.post]),
        ("/api/v1/act/remote-action", [.get]), ("/api/v1/act/remote-action/details", [.get]),
        ("/api/v1/act/execute", [.post]), ("/api/v1/nql/execute", [.post]), ("/api/v2/nql/execute", [.post]),
        ("/api/v1/nql/export", [.get, .post]), ("/api/v1/nql/status/*", [.get]), ("/emulator/exports/*", [.get]),
        ("/emulator/stats", [.get]),
        ("/api/v1/workflows", [.get]), ("/api/v1/workflows/details", [.get]),
        ("/api/v1/workflows/execute", [.post]), ("/api/v2/workflows/execute", [.post]),
        ("/api/v1/workflows/workflows/*/execution/*/trigger", [.post]), ("/api/v1/euf/campaign/trigger", [.post]),
        ("/api/v1/enrichment/data/fields", [.post]), ("/api/v1/data-management/device/deletions", [.post]),
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            guard let methods = Self.methods(for: request.uri.path), !methods.contains(request.method) else { throw error }
            return Response(status: .methodNotAllowed,
                            headers: [.allow: methods.map(\.rawValue).joined(separator: ", ")])
        }
    }

    static func methods(for path: String) -> [HTTPRequest.Method]? {
        let segments = path.split(separator: "/")
        return routes.first { route in
            let pattern = route.path.split(separator: "/")
            return pattern.count == segments.count && zip(pattern, segments).allSatisfy { $0 == "*" || $0 == $1 }
        }?.methods
    }
}
