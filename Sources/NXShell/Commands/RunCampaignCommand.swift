import NXLanguage
import NexthinkClient

/// `run campaign #id for USERS`: check everything we can before the first POST (every SID, the
/// expiry, the campaign's declared parameters when `#campaigns` lists them, profile policy),
/// ask for confirmation on a terminal, then send the batches, each exactly once
/// (StateChange/StateChangeRun).
struct RunCampaignCommand: StateChangeCommand {
    static let name = "run campaign"
    static let kind = StateChangeGate.Kind(refusal: "campaigns cannot be sent", command: "run campaign",
                                           allowListKey: "allowed_campaigns")
    /// The API needs an expiry and has no default; a week gives people time to answer.
    static let defaultExpiryMinutes = 7 * 24 * 60

    func subject(_ command: CommandInvocation, _ context: CommandContext) -> StateChangeSubject {
        .operand(of: command, allowList: context.policy.allowedCampaigns)
    }

    func checkEarly(_ command: CommandInvocation, _ context: CommandContext, rehearsal: Bool) throws -> UserTargets.List {
        try UserTargets.collect(command.list("for"), spans: command.spans.clauses["for"])
    }

    func plan(_ command: CommandInvocation, _ context: CommandContext, _ users: UserTargets.List) async throws -> CampaignRun {
        let written = subject(command, context).id
        if users.duplicatesDropped > 0 {
            context.console.message("nxsh: " + ShellMessages.duplicateUsersDropped(users.duplicatesDropped, unique: users.sids.count))
        }
        // `#campaigns` is asked first: an id it does not list gets the closest ones.
        let campaign = try await Self.campaign(written, command, context)
        let id: NQLID
        do {
            id = try NQLID(written, .campaign, field: "campaignNqlId")
        } catch {
            throw invalidRequest(written, error.problems, command)
        }
        let batches = BatchPlanner.batches(users.sids, size: Limits.campaignUsers.upperBound)
        let template = CampaignTriggerRequest(campaignNqlId: id, userSid: [],
                                              expiresInMinutes: command.int("expires") ?? Self.defaultExpiryMinutes,
                                              parameters: command.strings("with"))
        var first = template
        first.userSid = batches.first?.items ?? []
        let problems = first.problems(against: campaign)
        if !problems.isEmpty { throw invalidRequest(id.text, problems, command) }
        return CampaignRun(template: template, campaign: campaign, batches: batches, userCount: users.sids.count,
                           duplicatesDropped: users.duplicatesDropped, reason: command.text("reason"))
    }

    func rehearse(_ run: CampaignRun, concurrency: Int) -> (report: String, record: Value) {
        let dry = CampaignDryRun(plan: run, concurrency: concurrency)
        return (dry.report, dry.record)
    }

    func prompt(_ run: CampaignRun) -> String {
        CampaignSummary.prompt(run)
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

    private func invalidRequest(_ id: String, _ problems: [ValidationProblem], _ command: CommandInvocation) -> HostError {
        HostError(ShellMessages.invalidCampaignRequest(id, problems: problems.count), notes: problems.map(\.description),
                  span: span(of: problems[0], in: command), exitCode: ExitStatus.runtime)
    }

    /// The part of the command a validation problem is about: the parameter's name inside
    /// `with <...>`, the value of `expires`, the list of `for`...
    private func span(of problem: ValidationProblem, in command: CommandInvocation) -> SourceSpan {
        let spans = command.spans
        switch problem.field {
        case "campaignNqlId": return spans.operand ?? spans.statement
        case "userSid": return spans.clause("for")
        case "expiresInMinutes": return spans.clause("expires")
        case "parameters": return spans.clause("with")
        case let field where field.hasPrefix("parameters."):
            return spans.clauses["with"]?.key(String(field.dropFirst("parameters.".count))) ?? spans.statement
        default: return spans.statement
        }
    }
}
