/// The routes that tests can count and inject faults into.
public enum EmulatorRoute: String, Sendable, CaseIterable {
    /// Both token paths: `/oauth2/default/v1/token` and the legacy `/api/v1/token`.
    case token
    case list
    case details
    case execute
    /// `POST /api/v1/nql/execute` and `POST /api/v2/nql/execute`.
    case nqlExecute
    /// `GET|POST /api/v1/nql/export`.
    case nqlExport
    /// `GET /api/v1/nql/status/{exportId}`.
    case nqlStatus
    /// `GET /api/v1/workflows`.
    case workflowList
    /// `GET /api/v1/workflows/details`.
    case workflowDetails
    /// `POST /api/v1/workflows/execute` and `POST /api/v2/workflows/execute`.
    case workflowExecute
    /// `POST /api/v1/workflows/workflows/{workflowUuid}/execution/{executionUuid}/trigger`.
    case thinkletTrigger
    /// `POST /api/v1/euf/campaign/trigger`.
    case campaignTrigger
    /// `GET /emulator/exports/{file}`: the results file (the real service's pre-signed storage URL).
    case nqlExportFile
    /// `POST /api/v1/enrichment/data/fields`.
    case enrichment
    /// `POST /api/v1/data-management/device/deletions`.
    case deviceDeletion
}
