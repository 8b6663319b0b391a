#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NXLanguage
import NexthinkClient

/// `export #query to "file" [with <...>] [compression gzip|zstd|none]`: starts an NQL export,
/// polls it (a live status line on a terminal), downloads the results file beside the target
/// and renames it into place only when complete. A truncated export (206) is a warning and
/// leaves exit status 71 behind.
struct ExportCommand: ShellCommand {
    static let name = "export"

    struct Plan: Sendable {
        var request: ExportRequest
        /// The target as written, for messages; `path` is where it goes.
        var written: String
        var path: String
    }

    /// Relative targets resolve against the script's directory, like `read()`. A target whose
    /// directory does not exist is refused before the export is started, so it costs no
    /// export of the daily allowance.
    func validate(_ invocation: CommandInvocation, _ context: CommandContext) async throws -> Plan {
        try Self.plan(invocation, baseDirectory: context.baseDirectory)
    }

    static func plan(_ invocation: CommandInvocation, baseDirectory: String) throws -> Plan {
        let written = invocation.text("to") ?? ""
        let span = invocation.spans.clause("to")
        guard !written.isEmpty, !written.hasSuffix("/") else {
            throw HostError(ShellMessages.exportNoFileName, notes: [ShellMessages.exportExample], span: span,
                            exitCode: ExitStatus.runtime)
        }
        let path = written.hasPrefix("/") ? written : baseDirectory + "/" + written
        let directory = path.parentDirectory
        var info = stat()
        guard stat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw HostError(ShellMessages.exportNoDirectory(written), notes: [ShellMessages.lookedAt(directory)], span: span,
                            exitCode: ExitStatus.ioError)
        }
        let compression = invocation.text("compression").flatMap { ExportCompression(rawValue: $0.uppercased()) } ?? .none
        let request = ExportRequest(queryID: try NQLQueryID(invocation.operandText ?? ""),
                                    parameters: invocation.strings("with"), compression: compression)
        return Plan(request: request, written: written, path: path)
    }

    func perform(_ plan: Plan, _ context: CommandContext) async throws -> Value {
        let console = context.console
        let progress = ProgressLine(console: console, enabled: context.policy.fleet.progress)
        // Ctrl-C ends the polling with CancellationError: the live line must not stay behind.
        defer { progress.finish() }
        let clock = ContinuousClock()
        let start = clock.now
        let id = plan.request.queryID.text
        let result = try await context.connection.client().export(plan.request, to: plan.path) { status in
            progress.update(ShellMessages.exportProgress(id, state: ShellMessages.exportState(status.state), elapsed: clock.now - start))
        }
        progress.finish()
        if result.truncated {
            console.report(ShellError(ShellMessages.exportTruncated(id, rows: result.rows, file: plan.written),
                                      notes: [ShellMessages.exportTruncatedNote], exitCode: ExitStatus.partialFailure),
                           severity: "warning")
            // The session ends with exit status 71.
            context.outcome.notePartialFailure()
        }
        return .record(Record([
            ("file", .string(result.file)), ("rows", .int(result.rows)), ("bytes", .int(Int(result.bytes))),
            ("truncated", .bool(result.truncated)), ("exportId", .string(result.exportId)),
        ]))
    }
}
