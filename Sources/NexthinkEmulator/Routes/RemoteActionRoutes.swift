import Hummingbird

/// List, details and execute (Remote Actions API 1.0.0).
struct RemoteActionRoutes: Sendable {
    let pipeline: Pipeline
    var state: EmulatorState { pipeline.state }

    func register(on router: Router<EmulatorContext>) {
        router.get("/api/v1/act/remote-action") { request, context in
            try await pipeline.serve(.list, .remoteActions, request, context) { request, _ in list(request) }
        }
        router.get("/api/v1/act/remote-action/details") { request, context in
            try await pipeline.serve(.details, .remoteActions, request, context) { request, _ in details(request) }
        }
        router.post("/api/v1/act/execute") { request, context in
            try await pipeline.serve(.execute, .remoteActions, request, context) { _, body in
                ExecuteHandler(state: state).handle(body: body)
            }
        }
    }

    /// All actions, API-enabled or not; each present filter must equal the scriptInfo flag.
    private func list(_ request: Request) -> Response {
        var actions = state.catalogue.actions
        let query = QueryString(request.uri.query)
        for (name, flag) in [("hasScriptWindows", \RemoteAction.ScriptInfo.hasScriptWindows),
                             ("hasScriptMacOs", \RemoteAction.ScriptInfo.hasScriptMacOs)] {
            guard let raw = query[name] else { continue }
            guard let wanted = Bool(raw.lowercased()) else {
                return Reply.invalidRequest("query parameter \(name) must be true or false, not '\(raw)'")
            }
            actions = actions.filter { $0.scriptInfo[keyPath: flag] == wanted }
        }
        return Reply.json(actions)
    }

    private func details(_ request: Request) -> Response {
        guard let id = QueryString(request.uri.query)["nql-id"] else {
            return Reply.invalidRequest("query parameter nql-id is required, e.g. ?nql-id=%23restart_service (# encoded as %23)")
        }
        guard let action = state.catalogue.action(id: id) else {
            let hint = id.hasPrefix("#") ? "" : " (remote action ids start with '#', sent as %23)"
            return Reply.actionError(.notFound, "REMOTE_ACTION_NOT_FOUND", "no remote action with id '\(id)'\(hint)")
        }
        return Reply.json(action)
    }
}
