import NexthinkClient

/// What `run` may do in this session: flags plus the profile's safety settings.
struct RunPolicy: Sendable {
    var dryRun = false
    /// `--yes`, or `confirm = false` in the profile.
    var skipConfirmation = false
    /// A terminal on stdin: the answer to a prompt is read from it (/dev/tty). Without one,
    /// `run` needs `--yes`, `--dry-run` or `confirm = false`.
    var interactive = false
    var readOnly = false
    /// Action ids the profile allows (`allowed_actions`), nil = all.
    var allowedActions: [String]?
    /// `allow_device_deletion = true`: consent given up front (`--yes`) covers deletions too.
    var allowDeviceDeletion = false
    /// Workflow ids the profile allows (`allowed_workflows`), nil = all.
    var allowedWorkflows: [String]?
    /// Campaign ids the profile allows (`allowed_campaigns`), nil = all.
    var allowedCampaigns: [String]?
    /// The profile's `status_query` (checked when the profile was loaded), else this.
    var statusQuery = NQLQueryID(literal: "#remote_action_executions_by_request")
    /// What `status`/`wait` read for a `run workflow` result (Nexthink's NQL examples query
    /// `workflow.executions` by `request_id`; the tenant saves it under this id).
    var workflowStatusQuery = NQLQueryID(literal: "#workflow_executions_by_request")
    var fleet: FleetSettings
}
