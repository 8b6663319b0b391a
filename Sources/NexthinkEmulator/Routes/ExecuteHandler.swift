#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Hummingbird
import NIOCore

/// `POST /api/v1/act/execute`: shape first (INVALID_REQUEST), then the action
/// (REMOTE_ACTION_NOT_FOUND, then 403 when not API-enabled).
///
/// `params` names and values are not checked against the action's inputs: the spec allows any
/// string map ("any parameters to send to the script"), so a client that wants to catch typos
/// must check against the action's details itself.
struct ExecuteHandler {
    let state: EmulatorState

    func handle(body: ByteBuffer) -> Response {
        let parsed: ExecuteRequest
        switch ExecuteRequest.parse(body.readableBytesView) {
        case .failure(let error): return Reply.invalidRequest(error.message)
        case .success(let request): parsed = request
        }
        guard let action = state.catalogue.action(id: parsed.remoteActionID) else {
            let hint = parsed.remoteActionID.hasPrefix("#") ? "" : " (remote action ids start with '#')"
            return Reply.actionError(.badRequest, "REMOTE_ACTION_NOT_FOUND",
                                     "no remote action with id '\(parsed.remoteActionID)'\(hint)")
        }
        guard action.targeting.apiEnabled else {
            return Reply.actionError(.forbidden, "REMOTE_ACTION_NOT_API_ENABLED",
                                     "remote action '\(action.id)' is not enabled for API execution (targeting.apiEnabled is false)")
        }
        let record = ExecutionRecord(requestID: UUID().uuidString.lowercased(), actionID: action.id,
                                     createdAt: state.clock.now(), expiresInMinutes: parsed.expiresInMinutes,
                                     devices: parsed.devices)
        state.executions.add(record)
        state.stats.recordExecution(devices: record.devices.count)
        return Reply.json(Accepted(requestId: record.requestID, expiresInMinutes: record.expiresInMinutes))
    }

    private struct Accepted: Encodable {
        var requestId: String
        var expiresInMinutes: Int
    }
}
