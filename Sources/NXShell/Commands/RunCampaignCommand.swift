import NXLanguage
import NexthinkClient

/// `run campaign #id for USERS`: check everything we can before the first POST (every SID, the
/// expiry, the campaign's declared parameters when `#campaigns` lists them, profile policy),
/// ask for confirmation on a terminal, then send the batches, each exactly once
/// (StateChange/StateChangeRun).
struct RunCampaignCommand: ShellCommand {
    static let name = "run campaign"
    static let kind = StateChangeGate.Kind(refusal: "campaigns cannot be sent", command: "run campaign",
                                           allowListKey: "allowed_campaigns")
    /// The API needs an expiry and has no default; a week gives people time to answer.
    static let defaultExpiryMinutes = 7 * 24 * 60

    struct Plan: Sendable {
        var run: CampaignRun
        var campaign: CampaignInfo?
        var rehearsal: Bool
    }

    func validate(_ command: CommandInvocation, _ context: CommandContext) async throws -> Plan {
        let id = ActionID.normalize(command.operandText ?? "")
        let gate = StateChangeGate(kind: Self.kind, context: context)
        try gate.checkPolicy(id, allowed: context.policy.allowedCampaigns?.map(ActionID.normalize))
        let rehearsal = try context.dryRun()
        let users = try UserTargets.collect(command.list("for"), spans: command.spans.clauses["for"])
        try gate.checkConsent(id, rehearsal: rehearsal)
        if users.duplicatesDropped > 0 {
            context.console.message("nxsh: " + ShellMessages.duplicateUsersDropped(users.duplicatesDropped, unique: users.sids.count))
        }
        let campaign = try await Self.campaign(id, command, context)
        let batches = BatchPlanner.batches(users.sids, size: Limits.campaignUsers.upperBound)
        let template = CampaignTriggerRequest(campaignNqlId: id, userSid: [],
                                              expiresInMinutes: command.int("expires") ?? Self.defaultExpiryMinutes,
                                              parameters: command.strings("with"))
        var first = template
        first.userSid = batches.first?.items ?? []
        let problems = first.problems(against: campaign)
        if !problems.isEmpty {
            throw HostError(ShellMessages.invalidCampaignRequest(id, problems: problems.count), notes: problems.map(\.description),
                            span: span(of: problems[0], in: command), exitCode: ExitStatus.runtime)
        }
        let run = CampaignRun(template: template, batches: batches, userCount: users.sids.count,
                              duplicatesDropped: users.duplicatesDropped, reason: command.text("reason"))
        return Plan(run: run, campaign: campaign, rehearsal: rehearsal)
    }

    func perform(_ plan: Plan, _ context: CommandContext) async throws -> Value {
        if plan.rehearsal {
            let dry = CampaignDryRun(plan: plan.run, campaign: plan.campaign, concurrency: context.policy.fleet.concurrency)
            context.console.message(dry.report)
            return dry.record
        }
        try await StateChangeGate(kind: Self.kind, context: context)
            .confirm(plan.run.subject, prompt: CampaignSummary.prompt(plan.run, plan.campaign))
        return try await StateChangeRun(context: context, change: plan.run).execute()
    }

    /// The campaign as the tenant's `#campaigns` lists it, to check its state and parameters;
    /// nil when the tenant has no such query (the public API has no other list). A campaign
    /// missing from the list would be refused by the service (CAMPAIGN_NOT_FOUND), so it is an
    /// error here, with the closest ids.
    private static func campaign(_ id: String, _ command: CommandInvocation, _ context: CommandContext) async throws -> CampaignInfo? {
        let campaigns: [CampaignInfo]
        do {
            campaigns = try await context.connection.client().listCampaigns()
        } catch let error as NexthinkError where error.kind == .notFound {
            return nil
        }
        if let found = campaigns.first(where: { $0.id == id }) { return found }
        let near = Suggest.nearby(id, in: campaigns.map(\.id))
        throw HostError(ShellMessages.unknownCampaign(id),
                        notes: (near.isEmpty ? [] : [ShellMessages.didYouMean(near)]) + [ShellMessages.campaignListNote],
                        span: command.spans.operand, exitCode: ExitStatus.runtime)
    }

    /// The part of the command a validation problem is about: the parameter's name inside
    /// `with <...>`, the value of `expires`, the list of `for`...
    private func span(of problem: ValidationProblem, in command: CommandInvocation) -> SourceSpan {
        let spans = command.spans
        switch problem.field {
        case "campaignNqlId": return spans.operand ?? spans.statement
        case "userSid": return problem.index.map { spans.clauses["for"]?.element($0) ?? spans.clause("for") } ?? spans.clause("for")
        case "expiresInMinutes": return spans.clause("expires")
        case "parameters": return spans.clause("with")
        case let field where field.hasPrefix("parameters."):
            return spans.clauses["with"]?.key(String(field.dropFirst("parameters.".count))) ?? spans.statement
        default: return spans.statement
        }
    }
}
