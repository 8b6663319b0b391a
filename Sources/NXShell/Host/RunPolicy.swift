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
    /// Campaign ids the profile allows (`allowed_campaigns`), nil = all.
    var allowedCampaigns: [String]?
    var statusQuery = "#remote_action_executions_by_request"
    var fleet = FleetSettings()
}
