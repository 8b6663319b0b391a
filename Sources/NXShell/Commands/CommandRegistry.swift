import NXLanguage

/// The shell's commands by name; `APIHost.perform` dispatches through it.
enum CommandRegistry {
    static let all: [any ShellCommand] = [
        TokenCommand(), ListCommand(), GetCommand(), RunCommand(), StatusCommand(), WaitCommand(),
        QueryCommand(), AuditCommand(), ListWorkflowsCommand(), GetWorkflowCommand(), ListCampaignsCommand(),
        RunCampaignCommand(),
        ExportCommand(),
        EnrichCommand(), DeleteDevicesCommand(),
        RunWorkflowCommand(),
    ]

    static func command(named name: String) throws -> any ShellCommand {
        guard let command = all.first(where: { type(of: $0).name == name }) else {
            throw HostError(ShellMessages.notImplemented(name))
        }
        return command
    }
}
