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

/// Top level: decide the mode, read the source, build the session, run, clean up.
enum Shell {
    static func run(_ options: ShellOptions) -> Int32 {
        var adjusted = options
        adjusted.progress = isatty(2) == 1
        let options = adjusted
        let environment = ProcessEnvironment.read()
        let console = Console.standard(environment: environment)
        OutputHealth.ignoreSIGPIPE()
        do throws(ShellError) {
            let mode = try RunMode.decide(options, stdinIsTerminal: isatty(0) == 1)
            let sources = try Sources.load(mode)
            let baseDirectory = sources.baseDirectory
            let made = Blocking.run { () async -> Result<ShellContext, ShellError> in
                do throws(ShellError) {
                    return .success(try await ShellContext.make(
                        options: options, environment: environment, console: console,
                        interactive: isatty(0) == 1, arguments: mode.arguments, baseDirectory: baseDirectory))
                } catch {
                    return .failure(error)
                }
            }
            guard let made else { return ExitStatus.runtime }
            let context = try made.get()
            var status: Int32
            if mode == .repl {
                status = REPL(context: context, environment: environment).run()
            } else {
                // Ctrl-C or SIGTERM stops a script like a REPL entry: no new batch, partial result, 130.
                Interrupts.install([SIGINT, SIGTERM])
                status = Blocking.run(interruptible: true) { await sources.run(in: context.session) } ?? ExitStatus.runtime
                // A partly failed run lets the script go on (to `wait` on what was accepted)
                // but the process still reports it.
                if status == ExitStatus.ok, let partial = context.host.outcome.exitStatus { status = partial }
            }
            _ = Blocking.run { await context.shutdown() }
            if let failed = OutputHealth.outcome() {
                if let error = failed.error {
                    Console.standard(environment: environment, quietAfterFailure: false).report(error)
                }
                return failed.status
            }
            return status
        } catch {
            console.report(error)
            return error.exitCode
        }
    }
}

/// The text to run, read before anything connects so a missing file fails fast (66).
struct Sources: Sendable {
    var items: [(name: String, text: String)]
    var baseDirectory: String

    static func load(_ mode: RunMode) throws(ShellError) -> Sources {
        let cwd = FileManager.default.currentDirectoryPath
        switch mode {
        case .expressions(let codes, _):
            for code in codes where code.utf8.count > Limits.sourceBytes { throw SourceReader.tooLarge(ShellMessages.expressionSource) }
            return Sources(items: codes.map { ("-e", $0) }, baseDirectory: cwd)
        case .file(let path, _):
            let text = try SourceReader.readFile(path)
            let directory = path.parentDirectory
            let base = directory.isEmpty ? cwd : (directory.hasPrefix("/") ? directory : cwd + "/" + directory)
            return Sources(items: [(path, text)], baseDirectory: base)
        case .stdin:
            let text = try SourceReader.readStandardInput()
            return Sources(items: [("<stdin>", text)], baseDirectory: cwd)
        case .repl:
            return Sources(items: [], baseDirectory: cwd)
        }
    }

    /// Parses and resolves every source first: an error anywhere means nothing runs (65). Then
    /// runs each in order; the first failure (or `exit`) ends the run.
    func run(in session: Session) async -> Int32 {
        let programs = await session.prepare(items.map { SourceFile(name: $0.name, text: $0.text) })
        guard session.reportSyntaxErrors(programs) else { return ExitStatus.scriptError }
        for program in programs {
            let outcome = await session.run(program)
            if outcome.exited || outcome.exitCode != ExitStatus.ok { return outcome.exitCode }
        }
        return ExitStatus.ok
    }
}
