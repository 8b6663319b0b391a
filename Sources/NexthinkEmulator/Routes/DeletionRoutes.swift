#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Hummingbird
import NIOCore

/// Data Management API: `POST /api/v1/data-management/device/deletions`. Scheduled devices
/// disappear from later queries at once (the real service removes them in the background).
struct DeletionRoutes: Sendable {
    let pipeline: Pipeline
    var state: EmulatorState { pipeline.state }

    func register(on router: Router<EmulatorContext>) {
        router.post("/api/v1/data-management/device/deletions") { request, context in
            let given = request.headers[.init("x-request-id")!]
            let requestID = given.flatMap { UUIDShape.matches($0) ? $0 : nil } ?? UUID().uuidString.lowercased()
            var response = try await pipeline.serve(.deviceDeletion, .remoteActions, request, context) { _, body in
                // The header is documented as a UUID; a service validating its input refuses others.
                guard given == nil || given == requestID else {
                    return Reply.actionError(.badRequest, "INVALID_REQUEST", "the x-request-id header must be a UUID")
                }
                return delete(body.readableBytesView)
            }
            response.headers[.init("x-request-id")!] = requestID
            return response
        }
    }

    private func delete(_ body: some Collection<UInt8>) -> Response {
        guard let json = try? JSONValue.parse(body), case .object(let fields) = json else {
            return Reply.actionError(.badRequest, "INVALID_REQUEST", #"the body must be a JSON object {"devices": [{"uid": ..., "name": ...}]}"#)
        }
        guard case .array(let items)? = fields["devices"], !items.isEmpty else {
            return Reply.actionError(.badRequest, "EMPTY_REQUEST", "devices must list at least one device")
        }
        let limit = state.options.dataLimits.deletionsPerRequest
        guard items.count <= limit else {
            return Reply.actionError(.badRequest, "BATCH_SIZE_EXCEEDED", "\(items.count) devices; at most \(limit) per request")
        }
        var entries: [(uid: String, name: String)] = []
        for (i, item) in items.enumerated() {
            guard case .object(let d) = item, let uid = d["uid"]?.stringValue, let name = d["name"]?.stringValue,
                  !name.allSatisfy(\.isWhitespace) else {
                return Reply.actionError(.badRequest, "INVALID_REQUEST", "devices[\(i)] needs a uid and a non-blank name")
            }
            entries.append((uid, name))
        }
        var scheduled = 0
        let statuses = entries.map { entry -> JSONValue in
            let status: String
            if !UUIDShape.matches(entry.uid) {
                status = "INVALID"
            } else if state.inventory.delete(uid: entry.uid, name: entry.name) {
                status = "SCHEDULED"
                scheduled += 1
            } else {
                // Unknown, already deleted, or a name that does not match the uid (docs/emulator.md).
                status = "FAILED"
            }
            return .object(["uid": .string(entry.uid), "name": .string(entry.name), "status": .string(status)])
        }
        return Reply.json(JSONValue.object(["scheduledCount": .number(Double(scheduled)), "status": .string("ACCEPTED"),
                                            "devices": .array(statuses)]), status: .accepted)
    }
}
