import Foundation
import NXLanguage

/// An in-memory `LanguageHost`: a tiny fake catalogue of remote actions, deterministic run
/// results, and a dictionary of "files" for `read` (whose elements carry their lines).
/// Output is captured for assertions.
/// The API itself is exercised against the real emulator by the shell's tests.
final class TestHost: LanguageHost, @unchecked Sendable {
    private let lock = NSLock()
    private var output: [String] = []
    private var runs: [Record] = []
    private var performed: [CommandInvocation] = []
    let files: [String: String]
    let width: Int

    init(files: [String: String] = TestHost.defaultFiles, width: Int = 100) {
        self.files = files
        self.width = width
    }

    static let defaultFiles = [
        "devices.txt": "# laptops of the support team\n2bdb0941-2507-40de-854a-3efa1784b26b\n\nd0debb1b-fc48-4eb1-81fa-8a799b21d108\n",
        "bad-devices.txt": "2bdb0941-2507-40de-854a-3efa1784b26b\nnot-a-device\n",
    ]

    var lines: [String] { lock.withLock { output } }
    var commands: [CommandInvocation] { lock.withLock { performed } }

    func printLine(_ text: String) {
        lock.withLock { output.append(text) }
    }

    func show(_ value: Value) {
        lock.withLock { output.append(ValueFormatter.display(value, maxWidth: width)) }
    }

    func perform(_ command: CommandInvocation) async throws -> Value {
        lock.withLock { performed.append(command) }
        let target = command.operand ?? .null
        switch command.name {
        case "token": return FakeCatalogue.token
        case "list": return .list(FakeCatalogue.actions(for: command.operandText.flatMap(Platform.init)).map(Value.record))
        case "get": return .record(try FakeCatalogue.action(command.operandText ?? ""))
        case "run": return try record(command)
        case "run campaign":
            let users = command.list("for"), parameters = command.strings("with").sorted { $0.key < $1.key }
            log("run campaign \(command.operandText ?? "") users=\(users.count) params={\(parameters.map { "\($0.key)=\($0.value)" }.joined(separator: ","))}"
                + " expires=\(command.int("expires").map(String.init) ?? "default") reason=\(command.text("reason").map { "\"\($0)\"" } ?? "none")")
            return .record(Record([("campaignId", .nqlID(command.operandText ?? "")), ("targeted", .int(users.count))]))
        case "status":
            log("status \(ValueFormatter.literal(target))")
            return try FakeCatalogue.executions(for: target, final: false)
        case "wait":
            log("wait \(ValueFormatter.literal(target)) timeout=\(command.seconds("timeout").map(String.init) ?? "none")")
            return try FakeCatalogue.executions(for: target, final: true)
        case "query":
            let id = command.operandText ?? "", parameters = command.strings("with")
            log((["query", id] + parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: " "))
            return try FakeCatalogue.query(id, parameters)
        case "export":
            let id = command.operandText ?? "", file = command.text("to") ?? ""
            log("export \(id) to=\(file) compression=\(command.text("compression") ?? "none")")
            return .record(Record([("file", .string(file)), ("rows", .int(0)), ("exportId", .string("e-1"))]))
        default:
            let all = lock.withLock { runs }
            return .list(all.suffix(command.count ?? all.count).map(Value.record))
        }
    }

    func function(named name: String) -> HostFunction? {
        switch name {
        case "read":
            let files = self.files
            return { arguments in
                guard arguments.count == 1, case .string(let path) = arguments[0] else {
                    throw HostError("read() takes 1 argument: a file path string")
                }
                guard let text = files[path] else {
                    throw HostError("cannot read '\(path)': no such file", notes: ["check the path"], exitCode: ExitStatus.noInput)
                }
                // Each element carries its line, as the shell's `read` does.
                let kept = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                    .map { ($0.offset + 1, String($0.element).trimmingCharacters(in: .whitespaces)) }
                    .filter { !$0.1.isEmpty && !$0.1.hasPrefix("#") }
                return .list(ValueList(kept.map { .string($0.1) }, origin: ListOrigin(source: path, lines: kept.map(\.0))))
            }
        case "now":
            return { _ in .string("2026-01-15T09:30:00Z") }
        case "explode":
            return { _ in throw TestFailure.unexpectedHostFailure }
        default:
            return nil
        }
    }

    var functionNames: [String] { ["explode", "now", "read"] }

    private func log(_ text: String) {
        printLine("[host] \(text)")
    }

    private func record(_ run: CommandInvocation) throws -> Value {
        let actionID = run.operandText ?? "", devices = run.list("on")
        let expires = run.int("expires"), reason = run.text("reason"), reference = run.text("ref")
        _ = try FakeCatalogue.action(actionID)
        for (index, device) in devices.enumerated() {
            let text: String? = switch device {
            case .uuid(let uuid): uuid
            case .string(let string) where FakeCatalogue.isUUID(string): string
            default: nil
            }
            if text == nil {
                let span = run.spans.clauses["on"]?.element(index)
                throw HostError("invalid device id \(ValueFormatter.literal(device)): expected a Collector UUID",
                                notes: ["device ids look like 3fa85f64-5717-4562-b3fc-2c963f66afa6"], span: span, exitCode: ExitStatus.scriptError)
            }
        }
        let parameters = run.strings("with").sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        log("run \(actionID) devices=\(devices.count) params={\(parameters)} expires=\(expires.map(String.init) ?? "default")"
            + " reason=\(reason.map { "\"\($0)\"" } ?? "none") ref=\(reference.map { "\"\($0)\"" } ?? "none")")
        let result = lock.withLock { () -> Record in
            let requestID = String(format: "7fbd96a7-b717-43a7-8973-9c6adbca3a%02x", runs.count + 0x56)
            let result = Record([("requestId", .string(requestID)), ("expiresInMinutes", .int(expires ?? 60)),
                                 ("deviceCount", .int(devices.count))])
            runs.append(Record([("requestId", .string(requestID)), ("action", .string(actionID)),
                                ("devices", .int(devices.count)), ("reason", reason.map(Value.string) ?? .null)]))
            return result
        }
        return .record(result)
    }
}

/// A non-`HostError` failure, to check how the evaluator reports foreign errors.
enum TestFailure: Error { case unexpectedHostFailure }
