#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NexthinkClient

/// Reading the catalogue by kind: `check`, the language server and REPL completion all ask it
/// the same questions.
extension CatalogueCache.Entry {
    /// Reads the catalogue through `client`: the remote actions (required), then the
    /// workflows (GET /api/v1/workflows) and the campaigns (the saved NQL query `#campaigns`,
    /// the only list the public API has; an NQL execute is a POST that only reads). A tenant
    /// that will not list workflows or campaigns leaves that kind unknown rather than failing.
    static func fetch(_ client: NexthinkClient) async throws -> Self {
        let actions = try await client.listRemoteActions()
        let workflows = try? await client.listWorkflows().map(CatalogueItem.init)
        let campaigns = try? await client.listCampaigns().map(CatalogueItem.init)
        return Self(actions: actions, workflows: workflows, campaigns: campaigns)
    }

    /// The workflows or campaigns; nil for actions (they have their own type) or when unknown.
    func items(_ kind: CatalogueKind) -> [CatalogueItem]? {
        switch kind {
        case .action: nil
        case .workflow: workflows
        case .campaign: campaigns
        }
    }

    /// Every id of one kind; nil when that kind is unknown.
    func ids(_ kind: CatalogueKind) -> [String]? {
        kind == .action ? actions.map(\.id) : items(kind)?.map(\.id)
    }

    /// The input (action) or parameter (workflow, campaign) names of one object; nil when the
    /// object or its declared names are unknown.
    func parameters(_ kind: CatalogueKind, of id: String) -> [String]? {
        let id = NQLID.hashed(id)
        if kind == .action { return actions.first { $0.id == id }?.scriptInfo.inputs.map(\.name) }
        return items(kind)?.first { $0.id == id }?.parameters
    }

    /// "40 remote actions, 9 workflows, 5 campaigns" (a kind that could not be read says so).
    var counts: String {
        CatalogueKind.allCases.map { kind in
            ids(kind).map { "\($0.count) \(kind.noun)s" } ?? "\(kind.noun)s unavailable"
        }.joined(separator: ", ")
    }
}
