import NXLanguage
import NexthinkClient

/// The kinds of service object a command's `#id` operand can name, from its operand kind in
/// the command table: a new command that takes a workflow id is checked, completed and hovered
/// as soon as its table entry says `.workflowID`.
enum CatalogueKind: Sendable, CaseIterable {
    case action, workflow, campaign

    init?(_ operand: OperandKind) {
        switch operand {
        case .actionID: self = .action
        case .workflowID: self = .workflow
        case .campaignID: self = .campaign
        case .none, .word, .words, .queryID, .value, .count: return nil
        }
    }

    var noun: String {
        switch self {
        case .action: "remote action"
        case .workflow: "workflow"
        case .campaign: "campaign"
        }
    }

    /// The command that lists every object of this kind (for the notes of "unknown id").
    var listCommand: String {
        switch self {
        case .action: "list"
        case .workflow: "list workflows"
        case .campaign: "list campaigns"
        }
    }
}

/// A workflow or a campaign, reduced to what `check`, completion and hover use; the disk cache
/// keeps only this.
struct CatalogueItem: Codable, Sendable, Hashable {
    var id: String
    var name: String
    var description: String
    /// Why it cannot be triggered through the API (the client's own rules); empty when it can.
    var triggerProblems: [String]
    /// Declared parameter names; nil when the service does not say (then they are not checked).
    var parameters: [String]?
    /// Status, trigger methods, dependency: one line each, for hover.
    var facts: [String]

    init(_ workflow: Workflow) {
        id = NQLID.hashed(workflow.id)
        name = workflow.name
        description = workflow.description
        triggerProblems = workflow.triggerProblems.map(\.description)
        parameters = workflow.declaredParameters
        let methods = WorkflowTriggerMethod.known.filter(workflow.triggerMethods.contains).map(\.rawValue)
        facts = ["status: \(workflow.status.rawValue)", "trigger methods: \(methods.isEmpty ? "none" : methods.joined(separator: ", "))"]
            + (workflow.dependency.map { ["dependency: \($0.rawValue)"] } ?? [])
    }

    init(_ campaign: CampaignInfo) {
        id = NQLID.hashed(campaign.id)
        name = campaign.name
        description = ""
        triggerProblems = campaign.triggerProblems
        parameters = campaign.parameters
        facts = ["status: \(campaign.status)", "trigger method: \(campaign.triggerMethod)"]
    }
}
