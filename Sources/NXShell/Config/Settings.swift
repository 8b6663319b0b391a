#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Connection settings after applying the precedence flags > environment > profile.
/// The secret stays in a closure-free string only until it is wrapped by the client.
struct Settings: Sendable {
    var profileName: String?
    var instance: String?
    var region: String?
    var apiURL: String?
    var tokenURL: String?
    var clientID: String
    var clientSecret: String
    var profile: Profile
    /// Extra CA certificates (PEM): NEXTHINK_CA_FILE, else the profile's `ca_file`.
    var caFile: String?
    /// SSL_CERT_FILE: a PEM bundle replacing the system roots.
    var rootsFile: String?

    /// Resolves everything or throws one error naming every missing setting.
    static func resolve(profileFlag: String?, environment env: [String: String],
                        config: ConfigFile) throws(ShellError) -> Settings {
        let (chosen, profile) = try selectProfile(flag: profileFlag, environment: env, config: config)
        let instance = env["NEXTHINK_INSTANCE"].nonEmpty ?? profile.instance
        let region = env["NEXTHINK_REGION"].nonEmpty ?? profile.region
        let apiURL = env["NEXTHINK_API_URL"].nonEmpty ?? profile.apiURL
        let tokenURL = env["NEXTHINK_TOKEN_URL"].nonEmpty ?? profile.tokenURL
        let clientID = env["NEXTHINK_CLIENT_ID"].nonEmpty ?? profile.clientID
        var missing: [String] = []
        if apiURL == nil {
            if instance == nil { missing.append("instance (NEXTHINK_INSTANCE or `instance = \"acme\"`)") }
            if region == nil { missing.append("region (NEXTHINK_REGION or `region = \"us|eu|pac|meta\"`)") }
        }
        if clientID == nil { missing.append("client id (NEXTHINK_CLIENT_ID or `client_id = \"...\"`)") }
        let secret = try secretSource(env: env, profile: profile, config: config)
        if secret == nil {
            missing.append("client secret (NEXTHINK_CLIENT_SECRET or `client_secret_command = \"pass show nexthink\"`)")
        }
        guard missing.isEmpty, let clientID, let secret else {
            throw missingError(missing, profile: chosen, config: config)
        }
        return Settings(profileName: chosen, instance: instance, region: region, apiURL: apiURL,
                        tokenURL: tokenURL, clientID: clientID, clientSecret: try secret(), profile: profile,
                        caFile: env["NEXTHINK_CA_FILE"].nonEmpty ?? profile.caFile,
                        rootsFile: env["SSL_CERT_FILE"].nonEmpty)
    }

    /// The profile in use: --profile, else NXSH_PROFILE, else default_profile, else none.
    static func selectProfile(flag: String?, environment env: [String: String],
                              config: ConfigFile) throws(ShellError) -> (String?, Profile) {
        guard let chosen = flag ?? env["NXSH_PROFILE"].nonEmpty ?? config.defaultProfile else { return (nil, Profile()) }
        guard let found = config.profiles[chosen] else {
            let known = config.profiles.keys.sorted()
            throw ShellError(
                "no profile named '\(chosen)' in \(config.path)",
                notes: known.isEmpty ? ["add a [profiles.\(chosen)] table to the config file"]
                    : ["known profiles: " + known.joined(separator: ", ")],
                exitCode: ExitStatus.usage)
        }
        return (chosen, found)
    }

    /// Where the secret will come from, deferred so a missing-settings report does not run
    /// the secret command first.
    private static func secretSource(env: [String: String], profile: Profile,
                                     config: ConfigFile) throws(ShellError) -> (() throws(ShellError) -> String)? {
        if let secret = env["NEXTHINK_CLIENT_SECRET"].nonEmpty { return { secret } }
        if let command = profile.clientSecretCommand {
            let secretCommand = SecretCommand(command: command, timeoutSeconds: profile.clientSecretTimeout ?? 30)
            return { () throws(ShellError) in try secretCommand.run() }
        }
        if let secret = profile.clientSecret {
            guard config.isPrivate else {
                throw ShellError(
                    "refusing client_secret from \(config.path): the file is readable by group or others",
                    notes: ["run `chmod 600 \(config.path)`, or use client_secret_command instead",
                            "nothing was sent to the service"],
                    exitCode: ExitStatus.config)
            }
            return { secret }
        }
        return nil
    }

    private static func missingError(_ missing: [String], profile: String?, config: ConfigFile) -> ShellError {
        let scope = profile.map { "profile '\($0)'" } ?? "environment (no profile selected)"
        return ShellError(
            "missing connection settings: " + missing.map { $0.components(separatedBy: " (").first ?? $0 }
                .joined(separator: ", "),
            notes: ["looked in: \(scope) and \(config.path)"]
                + missing.map { "set " + $0 }
                + ["or write a profile in \(config.path):\n"
                    + "    default_profile = \"prod\"\n    [profiles.prod]\n    instance = \"acme\"\n"
                    + "    region = \"eu\"\n    client_id = \"...\"\n"
                    + "    client_secret_command = \"pass show nexthink/prod\"",
                   "`nxsh --sandbox` runs against a built-in emulator and needs no settings"],
            exitCode: ExitStatus.usage)
    }
}

extension Optional where Wrapped == String {
    /// Empty environment variables count as unset.
    var nonEmpty: String? {
        guard let self, !self.isEmpty else { return nil }
        return self
    }
}
