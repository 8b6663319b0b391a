import Dispatch
import NXLanguage

/// libFuzzer entry point. Built with `--sanitize=fuzzer`, libFuzzer supplies `main`; in a plain
/// build this target is an inert executable. See scripts/fuzz.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNXLanguage(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzRun.check(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
    return 0
}

/// One fuzz input: parse, evaluate (bounded in time) and render everything, checking the
/// invariants a user relies on. A violated invariant traps, which libFuzzer records as a crash.
enum FuzzRun {
    /// Scripts may legitimately loop for a long time (`for i in range(1000000) { ... }`); the
    /// interpreter is cancelled after this budget, which also exercises the Ctrl-C path.
    static let budget: Duration = .milliseconds(50)

    static func check(_ text: String) {
        let file = SourceFile(name: "fuzz.nxs", text: text)
        _ = Continuation.isIncomplete(text)
        let outcome = evaluate(file)
        let size = text.utf8.count
        for diagnostic in outcome.diagnostics {
            if let span = diagnostic.span {
                precondition(span.start >= 0 && span.start <= span.end && span.end <= size,
                             "span \(span) outside a \(size)-byte source: \(diagnostic.message)")
            }
            precondition(!diagnostic.message.isEmpty, "empty diagnostic message")
            let rendered = DiagnosticRenderer.render(diagnostic, in: file)
            // Rendering escapes controls and elides only very long messages: their start stays.
            let start = TerminalText.escape(String(diagnostic.message.prefix(100)))
            precondition(rendered.contains(start), "rendering lost the message")
        }
        precondition((0...255).contains(outcome.exitCode), "exit status \(outcome.exitCode) out of range")
        precondition(outcome.diagnostics.isEmpty || outcome.exitCode != 0, "diagnostics with exit status 0")
        if let value = outcome.lastValue { render(value) }
    }

    static func render(_ value: Value) {
        _ = ValueFormatter.display(value, maxWidth: 60)
        _ = ValueFormatter.literal(value)
        _ = ValueFormatter.json(value)
    }

    /// libFuzzer calls us synchronously; the interpreter is an actor, so wait on a semaphore.
    private static func evaluate(_ file: SourceFile) -> RunOutcome {
        let box = OutcomeBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            let run = Task { await Interpreter(host: FuzzHost(), variables: ["args": .list([.string("a")])]).run(file) }
            let watchdog = Task {
                try? await Task.sleep(for: budget)
                run.cancel()
            }
            box.outcome = await run.value
            watchdog.cancel()
            done.signal()
        }
        done.wait()
        return box.outcome
    }
}

/// Written by the evaluation task before `done.signal()`, read after `done.wait()`: the
/// semaphore orders the two accesses, which the compiler cannot see.
private final class OutcomeBox: @unchecked Sendable {
    var outcome = RunOutcome()
}

/// An in-memory host like the test suite's `TestHost`: every command answers instantly with
/// API-shaped data, so the fuzzer reaches the evaluator's command, pipeline and formatting paths
/// without any network. Whatever it is asked to show is rendered, so the formatters are fuzzed too.
struct FuzzHost: LanguageHost {
    func printLine(_ text: String) {}

    func show(_ value: Value) {
        FuzzRun.render(value)
    }

    func perform(_ command: CommandInvocation) async throws -> Value {
        switch command.name {
        case "token":
            return .record(Record([("token_type", .string("Bearer")), ("expires_in", .duration(seconds: 900))]))
        case "list":
            let platform = command.operandText
            return .list(Self.actions.filter { platform == nil || $0["platform"] == .string(platform ?? "") }.map(Value.record))
        case "get":
            let id = command.operandText ?? ""
            guard let action = Self.actions.first(where: { $0["id"] == .string(id) }) else {
                throw HostError("remote action '\(id)' not found", exitCode: ExitStatus.unreachable)
            }
            return .record(action)
        case "run":
            for device in command.list("on") {
                guard case .uuid = device else { throw HostError("invalid device id", exitCode: ExitStatus.scriptError) }
            }
            return .record(Record([("requestId", .string("7fbd96a7-b717-43a7-8973-9c6adbca3a56")),
                                   ("expiresInMinutes", .int(command.int("expires") ?? 60))]))
        case "status", "wait":
            return .list([.record(Record([("request_id", command.operand ?? .null), ("device.name", .string("LAPTOP-01")),
                                          ("status", .string("success")), ("outputs", .record(Record([("n", .int(1))])))]))])
        case "query":
            return .list([.record(Record([("query", .string(command.operandText ?? "")),
                                          ("parameters", .int(command.strings("with").count))]))])
        case "export":
            return .record(Record([("file", .string(command.text("to") ?? "")), ("rows", .int(0)), ("truncated", .bool(false))]))
        default:
            return .list(Array(repeating: .record(Record([("action", .string("#x"))])), count: min(max(command.count ?? 1, 0), 3)))
        }
    }

    func function(named name: String) -> HostFunction? {
        switch name {
        case "read": return { _ in .list([.string("2bdb0941-2507-40de-854a-3efa1784b26b"), .string("not-a-uuid")]) }
        case "now": return { _ in .string("2026-01-15T09:30:00Z") }
        case "fail": return { _ in throw HostError("host function failed", notes: ["a note"], exitCode: ExitStatus.throttled) }
        default: return nil
        }
    }

    var functionNames: [String] { ["fail", "now", "read"] }

    private static let actions: [Record] = [
        Record([("id", .string("#ExampleRA")), ("name", .string("Example")), ("platform", .string("windows")),
                ("scriptInfo", .record(Record([("inputs", .list([.string("Message")])), ("timeoutSeconds", .int(120))])))]),
        Record([("id", .string("#get_battery_status")), ("name", .string("Battery")), ("platform", .string("macos")),
                ("scriptInfo", .record(Record([("inputs", .list([])), ("timeoutSeconds", .double(1.5))])))]),
    ]
}
