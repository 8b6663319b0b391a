/// Saved NQL queries over workflow executions, campaign responses and campaigns. Field names
/// follow Nexthink's NQL examples where they exist (`workflow.executions`); the rest are
/// choices listed in docs/emulator.md.
extension SavedQuery {
    static let automation = [workflowExecutionsByRequest, campaignResponsesByRequest, campaigns, deviceUsers]

    static let workflowExecutionsByRequest = SavedQuery(
        id: "#workflow_executions_by_request",
        nql: #"workflow.executions during past 7d | where request_id == "{{request_id}}" "#
            + "| list request_id, execution_id, request_time, workflow.name, workflow.nql_id, device.name, user.sid, "
            + "status, status_details, outcome, outcome_details",
        parameters: ["request_id"],
        headers: ["request_id", "execution_id", "request_time", "workflow.name", "workflow.nql_id", "device.name",
                  "user.sid", "status", "status_details", "outcome", "outcome_details"]
    ) { params, state, now in
        guard let id = params["request_id"], let run = state.workflowRuns.run(id) else { return [] }
        let workflow = state.automation.workflow(id: run.workflowID)
        let waits = state.automation.waitsForEvent(run.workflowID)
        return run.executions.map { e in
            let t = WorkflowTimeline.at(now, run: run, execution: e, waits: waits,
                                        triggeredAt: state.workflowRuns.triggeredAt(e.executionID), catalogue: state.catalogue)
            return [.string(run.requestID), .string(e.executionID), .string(EmulatedClock.iso8601(run.createdAt)),
                    workflow.map { .string($0.name) } ?? .null, .string(run.workflowID), e.deviceName.map(JSONValue.string) ?? .null,
                    e.userSID.map(JSONValue.string) ?? .null, .string(t.status.rawValue), .string(t.details),
                    t.outcome.isEmpty ? .null : .string(t.outcome), t.outcomeDetails.isEmpty ? .null : .string(t.outcomeDetails)]
        }
    }

    static let campaignResponsesByRequest = SavedQuery(
        id: "#campaign_responses_by_request",
        nql: #"campaign.responses during past 30d | where request_id == "{{request_id}}" "#
            + "| list request_id, campaign.nql_id, campaign.name, user.sid, user.name, state, state_details, time",
        parameters: ["request_id"],
        headers: ["request_id", "campaign.nql_id", "campaign.name", "user.sid", "user.name", "state", "state_details", "time"]
    ) { params, state, now in
        guard let id = params["request_id"], let request = state.campaignRuns.request(id) else { return [] }
        let t = CampaignTimeline.at(now, request, automation: state.automation, catalogue: state.catalogue)
        let name = state.automation.campaign(id: request.campaignID).map { JSONValue.string($0.name) } ?? .null
        let user = state.automation.user(sid: request.userSID).map { JSONValue.string($0.name) } ?? .null
        return [[.string(request.requestID), .string(request.campaignID), name, .string(request.userSID), user,
                 .string(t.state), .string(t.details), .string(EmulatedClock.iso8601(t.since))]]
    }

    /// Who uses which device: what a runbook needs to ask the users of the devices it repaired
    /// (campaigns take user SIDs, remote action results name devices).
    static let deviceUsers = SavedQuery(
        id: "#device_users",
        nql: "users | list user.sid, user.upn, user.name, device.collector.uid",
        parameters: [],
        headers: ["user.sid", "user.upn", "user.name", "device.collector.uid"]
    ) { _, state, _ in
        state.automation.users.map { u in
            [.string(u.sid), .string(u.upn), .string(u.name), u.device.map(JSONValue.string) ?? .null]
        }
    }

    /// The public API has no campaign list; tenants that want one save this query.
    static let campaigns = SavedQuery(
        id: "#campaigns",
        nql: "campaign.campaigns | list nql_id, name, status, trigger_method, parameters",
        parameters: [],
        headers: ["campaign.nql_id", "campaign.name", "campaign.status", "campaign.trigger_method", "campaign.parameters"]
    ) { _, state, _ in
        state.automation.campaigns.map { c in
            [.string(c.id), .string(c.name), .string(c.status), .string(c.triggerMethod), .array(c.parameters.map(JSONValue.string))]
        }
    }
}
