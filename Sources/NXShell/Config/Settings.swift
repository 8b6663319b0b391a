import Foundation
import NXLanguage

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
        var missing: [(String, String)] = []
        if apiURL == nil {
            if instance == nil { missing.append(ShellMessages.missingInstance) }
            if region == nil { missing.append(ShellMessages.missingRegion) }
        }
        if clientID == nil { missing.append(ShellMessages.missingClientID) }
        let secret = try secretSource(env: env, profile: profile, config: config)
        if secret == nil {
            missing.append(ShellMessages.missingSecret)
        }
        guard missing.isEmpty, let clientID, let secret else {
            throw ShellMessages.missingSettings(missing, profile: chosen, path: config.path)
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
            throw ShellMessages.unknownProfile(chosen, path: config.path, known: config.profiles.keys.sorted())
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
                throw ShellMessages.secretReadable(config.path)
            }
            return { secret }
        }
        return nil
    }
}

extension Optional where Wrapped == String {
    /// Empty environment variables count as unset.
    var nonEmpty: String? {
        guard let self, !self.isEmpty else { return nil }
        return self
    }
}
