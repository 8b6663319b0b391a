import NXLanguage
import NexthinkClient

/// Everything a run needs, built once per process.
final class ShellContext: Sendable {
    let console: Console
    let connection: Connection
    let host: APIHost
    let session: Session
    let secrets: SecretRegistry
    let sandbox: Sandbox?
    let paths: Paths

    private init(console: Console, connection: Connection, host: APIHost, session: Session,
                 secrets: SecretRegistry, sandbox: Sandbox?, paths: Paths) {
        self.console = console
        self.connection = connection
        self.host = host
        self.session = session
        self.secrets = secrets
        self.sandbox = sandbox
        self.paths = paths
    }

    static func make(options: ShellOptions, environment: [String: String], console: Console,
                     interactive: Bool, arguments: [String], baseDirectory: String,
                     maxWidth: Int? = nil) async throws(ShellError) -> ShellContext {
        let paths = Paths(environment: environment)
        let secrets = SecretRegistry()
        let trace = options.verbose ? Trace.printer(console) : nil
        let fleet = FleetSettings(auditLog: options.sandbox ? paths.sandboxAuditLogFile : paths.auditLogFile)
        var policy = RunPolicy(dryRun: options.dryRun, skipConfirmation: options.yes, interactive: interactive, fleet: fleet)
        policy.fleet.progress = options.progress
        let connection: Connection
        var sandbox: Sandbox?
        if options.sandbox {
            let server = try await Sandbox.start(environment: environment)
            console.message(ShellMessages.sandboxStarted(server.baseURL))
            let settings = server.settings
            secrets.add(settings.clientSecret)
            connection = Connection(label: "sandbox") { () throws(ShellError) in
                try ClientFactory.make(settings, tokenStore: nil, trace: trace)
            }
            sandbox = server
        } else {
            let config = try ConfigFile.load(path: paths.configFile)
            let (name, profile) = try Settings.selectProfile(flag: options.profile, environment: environment, config: config)
            policy.apply(profile)
            policy.fleet.apply(profile, environment: environment)
            let store: (any TokenStore)? = options.tokenCache ? DiskTokenStore(directory: paths.cacheDirectory) : nil
            connection = Connection(label: name) { () throws(ShellError) in
                let settings = try Settings.resolve(profileFlag: options.profile, environment: environment, config: config)
                secrets.add(settings.clientSecret)
                return try ClientFactory.make(settings, tokenStore: store, trace: trace)
            }
        }
        if let concurrency = options.concurrency { policy.fleet.concurrency = concurrency }
        let renderer = Renderer(format: options.output,
                                maxWidth: maxWidth ?? Renderer.terminalWidth(environment: environment))
        let host = APIHost(connection: connection, console: console, renderer: renderer, policy: policy,
                           confirmer: TerminalConfirmer(console: console),
                           functions: HostFunctions(baseDirectory: baseDirectory))
        let session = Session(host: host, console: console, arguments: arguments)
        await session.interpreter.define(SessionOutcome.dryRunVariable, .bool(options.dryRun))
        return ShellContext(console: console, connection: connection, host: host, session: session,
                            secrets: secrets, sandbox: sandbox, paths: paths)
    }

    func shutdown() async {
        await connection.shutdown()
        await sandbox?.stop()
    }
}

extension RunPolicy {
    mutating func apply(_ profile: Profile) {
        if profile.confirm == false { skipConfirmation = true }
        readOnly = profile.readOnly ?? false
        allowedActions = profile.allowedActions
        allowDeviceDeletion = profile.allowDeviceDeletion ?? false
        allowedWorkflows = profile.allowedWorkflows
        allowedCampaigns = profile.allowedCampaigns
        if let query = profile.statusQuery { statusQuery = query }
    }
}
