import NXLanguage
import NexthinkClient
import Synchronization

/// Settings → a configured client.
enum ClientFactory {
    static func make(_ settings: Settings, tokenStore: (any TokenStore)?,
                     trace: (@Sendable (HTTPTraceEvent) -> Void)?) throws(ShellError) -> NexthinkClient {
        let configuration = NexthinkConfiguration(
            location: location(settings), clientID: settings.clientID,
            clientSecret: Secret(settings.clientSecret),
            trust: TrustSettings(rootsFile: settings.rootsFile, additionalCAFiles: settings.caFile.map { [$0] } ?? []),
            tokenStore: tokenStore, trace: trace)
        do {
            return try NexthinkClient(configuration: configuration)
        } catch let error as NexthinkError {
            throw ShellError(error.message, notes: error.hint.map { [$0] } ?? [], exitCode: ExitStatus.config)
        } catch {
            throw ShellMessages.clientFailed(ErrorPhrase.plain(error))
        }
    }

    private static func location(_ s: Settings) -> ServiceLocation {
        if let api = s.apiURL { return .urls(api: api, token: s.tokenURL) }
        let instance = s.instance ?? "", region = s.region ?? ""
        if let token = s.tokenURL {
            return .urls(api: "https://\(instance).api.\(region).nexthink.cloud", token: token)
        }
        return .instance(instance, region: Region(rawValue: region))
    }
}

/// Secrets known to this process, so the REPL never writes a line containing one to history.
final class SecretRegistry: Sendable {
    private let values = Mutex<[String]>([])

    func add(_ secret: String) {
        guard !secret.isEmpty else { return }
        values.withLock { $0.append(secret) }
    }

    func appears(in text: String) -> Bool {
        values.withLock { $0.contains { text.includes($0) } }
    }
}

/// `--verbose`: one stderr line per HTTP attempt; headers come from the client already redacted.
enum Trace {
    static func printer(_ console: Console) -> @Sendable (HTTPTraceEvent) -> Void {
        { event in
            let ms = Int(event.duration.components.seconds * 1000) + Int(event.duration.components.attoseconds / 1_000_000_000_000_000)
            console.message(ShellMessages.trace(event, milliseconds: ms))
        }
    }
}
