import Foundation
import NexthinkEmulator
import TestSupport
import Testing

/// A whole session of the real binary against an emulator that only accepts a recognisable
/// client secret: one-liners with --verbose, a run (audit log), errors, an interactive session
/// (history) and a profile whose secret comes from a command. Afterwards every byte nxsh
/// printed or left in its HOME is searched for the secret and for the access token it used.
@Suite(.serialized) struct SecurityTests {
    let secret = "nxsh-SeCrEt-\(UUID().uuidString.prefix(8))-must-never-show"
    let root: URL
    let home: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("nxsh-security-\(UUID().uuidString)")
        home = root.appendingPathComponent("home").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    }

    @Test func aFullSessionNeverRevealsTheSecretOrTheToken() async throws {
        var options = EmulatorOptions()
        options.clientID = "security-client"
        options.clientSecret = secret
        defer { try? FileManager.default.removeItem(at: root) }
        try await withEmulatorServer(options) { try await fullSession($0) }
    }

    private func fullSession(_ server: EmulatorServer) async throws {
        let env = CLI.environment(home: home, extra: [
            "NEXTHINK_API_URL": server.baseURL, "NEXTHINK_CLIENT_ID": "security-client", "NEXTHINK_CLIENT_SECRET": secret,
        ])
        var outputs: [(String, String)] = []
        func session(_ label: String, _ arguments: [String], env: [String: String] = env, expect status: Int32 = 0) async throws {
            let r = try await CLI.launch(arguments, environment: env)
            #expect(r.status == status, "\(label): \(r.stderr)")
            outputs.append((label, r.all))
        }

        try await session("token commands", ["--verbose", "-e", "token", "-e", "print token", "-e", "print \"${token}\"",
                                       "-e", "print str(token)", "-e", "let t = token", "-e", "t", "-e", "[t]"])
        try await session("json output", ["--verbose", "-o", "json", "-e", "token", "-e", "list windows", "-e", "get #ExampleRA"])
        try await session("run and status", ["--verbose", "-y", "-e", "let r = run #get_battery_status on [3fa85f64-5717-4562-b3fc-2c963f66afa6]",
                                       "-e", "status r", "-e", "audit"])
        try await session("errors about the token", ["-e", "print (token).nope"], expect: 70)
        try await session("error after a run", ["--verbose", "-y", "-e", "run #no_such_action on [3fa85f64-5717-4562-b3fc-2c963f66afa6]"],
                    expect: 70)
        let wrong = secret + "-typo"
        try await session("wrong secret", ["--verbose", "--no-token-cache", "-e", "list"],
                    env: env.merging(["NEXTHINK_CLIENT_SECRET": wrong]) { $1 }, expect: 77)
        let typedSession = try await interactiveSession(env)
        try await profileSession(server, &outputs)

        // Asking for the field itself is deliberate (e.g. to hand it to curl): a separate process,
        // whose output tells which token the whole session used.
        let deliberate = try await CLI.launch(["-e", "print (token).access_token"], environment: env)
        let token = deliberate.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let cached = try cachedToken()
        #expect(token.count >= 16 && token == cached, "one token, cached, for the whole session")
        #expect(server.stats.executionCount == 1)
        #expect(outputs.contains { $0.1.contains("Authorization: Bearer <redacted>") }, "--verbose traced the requests")
        for (label, text) in outputs {
            #expect(!leaks(secret, in: text), "\(label) shows the client secret")
            #expect(!leaks(wrong, in: text), "\(label) shows the mistyped secret")
            #expect(!leaks(token, in: text), "\(label) shows the access token")
        }
        // The terminal echoes what the user typed, secret included, so only the token is looked for.
        #expect(!leaks(token, in: typedSession), "the interactive session shows the access token")
        let files = try filesUnder(home)
        #expect(files.contains { $0.path.contains("history") }, "the interactive session wrote a history file")
        #expect(files.contains { $0.path.contains("audit") }, "the run wrote an audit log")
        for file in files {
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            #expect(!leaks(secret, in: text), "\(file.path) holds the client secret")
            if !file.lastPathComponent.hasPrefix("token") {
                #expect(!leaks(token, in: text), "\(file.path) holds the access token")
            }
            guard file.lastPathComponent != "config.toml" else { continue }  // written by this test
            let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
            #expect(mode.map { $0 & 0o077 } == 0, "\(file.path) is readable by others (mode \(String(mode ?? 0, radix: 8)))")
        }
    }

    /// libedit writes history only for a terminal: `script` gives nxsh a pseudo-terminal.
    /// One typed line contains the secret (history must skip it), one is an ordinary command.
    private func interactiveSession(_ env: [String: String]) async throws -> String {
        let typed = "token\nlet pasted = \"\(secret)\"\nprint count(list windows)\nexit\n"
        let r = try await CLI.launch(["-q", "-e", "-f", "-c", CLI.binary, "/dev/null"], environment: env, stdin: typed,
                            executable: "/usr/bin/script")
        #expect(r.status == 0, "interactive session: \(r.all)")
        return r.all
    }

    /// The secret from `client_secret_command` (a file outside HOME), with --verbose.
    private func profileSession(_ server: EmulatorServer, _ outputs: inout [(String, String)]) async throws {
        let secretFile = root.appendingPathComponent("secret.txt").path
        try (secret + "\n").write(toFile: secretFile, atomically: true, encoding: .utf8)
        let config = home + "/config/nxsh"
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        try """
            default_profile = "lab"

            [profiles.lab]
            api_url = "\(server.baseURL)"
            client_id = "security-client"
            client_secret_command = "cat \(secretFile)"
            """.write(toFile: config + "/config.toml", atomically: true, encoding: .utf8)
        let r = try await CLI.launch(["--verbose", "--no-token-cache", "-e", "token", "-e", "list macos"],
                            environment: CLI.environment(home: home))
        #expect(r.status == 0, "profile session: \(r.stderr)")
        outputs.append(("profile with client_secret_command", r.all))
    }

    private func cachedToken() throws -> String {
        let cache = home + "/cache/nxsh"
        for name in try FileManager.default.contentsOfDirectory(atPath: cache) where name.hasPrefix("token") {
            let text = try String(contentsOfFile: cache + "/" + name, encoding: .utf8)
            if let match = text.firstMatch(of: /"accessToken"\s*:\s*"([^"]+)"/) { return String(match.1) }
        }
        return ""
    }

    private func filesUnder(_ path: String) throws -> [URL] {
        let enumerator = FileManager.default.enumerator(at: URL(fileURLWithPath: path), includingPropertiesForKeys: [.isRegularFileKey])
        return (enumerator?.allObjects as? [URL] ?? []).filter {
            (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }
    }
}

/// True when `text` contains `value` or any 12-character piece of it: masking may keep a short
/// prefix ("eyJh…"), but never enough of a credential to be useful.
func leaks(_ value: String, in text: String) -> Bool {
    let characters = Array(value)
    guard characters.count >= 12 else { return !value.isEmpty && text.contains(value) }
    return (0...(characters.count - 12)).contains { text.contains(String(characters[$0..<($0 + 12)])) }
}
