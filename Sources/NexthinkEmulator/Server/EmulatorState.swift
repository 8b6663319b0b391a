/// Everything the route handlers share. Each part guards its own mutable state.
final class EmulatorState: Sendable {
    let options: EmulatorOptions
    let catalogue: Catalogue
    let automation: AutomationCatalogue
    let tokens: TokenStore
    let clock: EmulatedClock
    let executions = ExecutionStore()
    let exports = ExportStore()
    let stats = EmulatorStats()
    let faults = FaultInjector()
    let workflowRuns = WorkflowRunStore()
    let campaignRuns = CampaignRunStore()
    let inventory: Inventory

    init(options: EmulatorOptions, catalogue: Catalogue, automation: AutomationCatalogue = .empty) {
        self.options = options
        self.catalogue = catalogue
        self.automation = automation
        tokens = TokenStore(lifetime: options.tokenLifetime, clientID: options.clientID)
        clock = EmulatedClock(scale: options.timeScale)
        inventory = Inventory(catalogue)
    }
}
