extension CampaignTriggerRequest {
    /// Every problem (empty when the request is fine); the id and the SIDs are proven by their
    /// types. With `campaign` known (from `#campaigns`), also that it can be sent through the
    /// API with these parameters.
    public func problems(against campaign: CampaignInfo? = nil) -> [ValidationProblem] {
        var found: [ValidationProblem] = []
        if userSid.isEmpty {
            found.append(.init(field: "userSid", message: "no user given; pass 1 to \(Limits.campaignUsers.upperBound) user SIDs"))
        }
        found += IDListRules.countProblems(userSid.count, field: "userSid", max: Limits.campaignUsers.upperBound)
        if !Limits.campaignExpiresInMinutes.contains(expiresInMinutes) {
            found.append(.init(field: "expiresInMinutes", message:
                "\(expiresInMinutes) is out of range; use 1...525600 minutes (1 minute to 365 days)"))
        }
        if parameters.count > Limits.campaignParameters {
            found.append(.init(field: "parameters", message:
                "\(parameters.count) given; a campaign takes at most \(Limits.campaignParameters)"))
        }
        if let campaign { found += problems(against: campaign) }
        return found
    }

    private func problems(against campaign: CampaignInfo) -> [ValidationProblem] {
        guard campaign.id == campaignNqlId.text else {
            return [.init(field: "campaignNqlId", message: "the request is for \(campaignNqlId) but was checked against \(campaign.id)")]
        }
        var found = campaign.triggerProblems.map { ValidationProblem(field: "campaignNqlId", message: $0) }
        guard let declared = campaign.parameters else { return found }
        // The service wants exactly the campaign's parameters: none missing, none extra.
        for name in parameters.keys.sorted() where !declared.contains(name) {
            found.append(.init(field: "parameters.\(name)", message: declared.isEmpty
                ? "\(campaign.id) takes no parameters" : "unknown parameter; \(campaign.id) takes: \(declared.sorted().joined(separator: ", "))"))
        }
        for name in declared.sorted() where parameters[name] == nil {
            found.append(.init(field: "parameters.\(name)", message: "missing; \(campaign.id) needs a value for it"))
        }
        return found
    }
}

extension CampaignInfo {
    /// Why it cannot be sent through the API (empty when it can, or when `#campaigns` does not
    /// say); `nxsh check` reports the same before a script runs.
    public var triggerProblems: [String] {
        var found: [String] = []
        if !status.isEmpty, status.uppercased() != "PUBLISHED" {
            found.append("\(id) is \(status.lowercased()); only published campaigns can be sent")
        }
        if !triggerMethod.isEmpty, triggerMethod.uppercased() != "API" {
            found.append("\(id) is triggered \(triggerMethod.lowercased()), not through the API")
        }
        return found
    }
}
