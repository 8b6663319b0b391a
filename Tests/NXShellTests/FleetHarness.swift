import Foundation
import NXLanguage
import NexthinkEmulator
@testable import NXShell

/// A shell session (real host, client and HTTP) against a fresh emulator, with the audit log
/// in a private HOME; the emulator stays up so tests can read its counters.
final class FleetSession {
    let server: EmulatorServer
    let home: TempDir
    let context: ShellContext
    let out: TextBuffer, err: TextBuffer

    init(emulator: EmulatorOptions = .init(), options: ShellOptions = ShellOptions(yes: true, tokenCache: false),
         environment extra: [String: String] = [:]) async throws {
        let server = try await EmulatorServer.start(emulator)
        self.server = server
        do {
            home = try TempDir()
            (context, out, err) = try await Self.context(server, home: home, options: options, environment: extra)
        } catch {
            await server.shutdown()
            throw error
        }
    }

    private static func context(_ server: EmulatorServer, home: TempDir, options: ShellOptions,
                                environment extra: [String: String]) async throws -> (ShellContext, TextBuffer, TextBuffer) {
        var environment = ["HOME": home.path, "XDG_STATE_HOME": home.path + "/state",
                           "XDG_CONFIG_HOME": home.path + "/config",
                           "NEXTHINK_API_URL": server.baseURL, "NEXTHINK_CLIENT_ID": "sandbox-client",
                           "NEXTHINK_CLIENT_SECRET": "sandbox-secret"]
        environment.merge(extra) { $1 }
        let out = TextBuffer(), err = TextBuffer()
        let console = Console(out: { out.append($0) }, err: { err.append($0) })
        let context = try await ShellContext.make(options: options, environment: environment, console: console,
                                                  interactive: false, arguments: [], baseDirectory: home.path, maxWidth: 200)
        return (context, out, err)
    }

    var auditPath: String { home.path + "/state/nxsh/audit.jsonl" }

    /// Runs `text` as one script; returns its exit status the way the process would report it.
    func run(_ text: String) async -> Int32 {
        let status = await Sources(items: [("fleet.nxs", text)], baseDirectory: home.path).run(in: context.session)
        if status == 0, let partial = context.host.outcome.exitStatus { return partial }
        return status
    }

    func value(_ name: String) async -> Value? {
        await context.session.interpreter.value(of: name)
    }

    func auditRecords() throws -> [AuditEntry] {
        let text = try String(contentsOfFile: auditPath, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(AuditEntry.self, from: Data($0.utf8)) }
    }

    /// Writes `lines` to a file in HOME and returns its name (for `read`).
    func file(_ name: String, _ lines: [String]) throws -> String {
        try (lines.joined(separator: "\n") + "\n").write(toFile: home.path + "/" + name, atomically: true, encoding: .utf8)
        return name
    }

    func close() async {
        await context.shutdown()
        await server.shutdown()
    }

    /// Distinct, valid collector UUIDs that the emulator does not know (they wait, then expire).
    static func uuid(_ n: Int) -> String {
        let hex = String(n, radix: 16)
        return "0e1d2c3b-4a59-4687-a5b4-" + String(repeating: "0", count: 12 - hex.count) + hex
    }
}

/// Runs `body` in a fresh `FleetSession`, closing it (HTTP client and emulator) on every path:
/// a client released without shutdown traps and would end the whole test run.
func withFleetSession<T>(emulator: EmulatorOptions = .init(), options: ShellOptions = ShellOptions(yes: true, tokenCache: false),
                         environment: [String: String] = [:], _ body: (FleetSession) async throws -> T) async throws -> T {
    let session = try await FleetSession(emulator: emulator, options: options, environment: environment)
    do {
        let result = try await body(session)
        await session.close()
        return result
    } catch {
        await session.close()
        throw error
    }
}

extension Value {
    subscript(field: String) -> Value? {
        if case .record(let r) = self { return r[field] }
        return nil
    }

    var items: [Value] {
        if case .list(let l) = self { return l.elements }
        return []
    }
}
