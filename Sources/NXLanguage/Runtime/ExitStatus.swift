/// The process exit statuses of nxsh, defined once (sysexits.h where one fits). The language
/// uses `scriptError`, `runtime` and `interrupted` itself; the shell and its hosts choose the
/// others for `HostError`s. README.md and docs/shell.md list them for users.
public enum ExitStatus {
    public static let ok: Int32 = 0
    /// A tool found what it looks for: `nxsh fmt --check` (files to reformat), `nxsh lsp`
    /// told to exit without `shutdown` (the Language Server Protocol's rule).
    public static let failure: Int32 = 1
    public static let usage: Int32 = 64
    /// Syntax or resolver errors (or a source too large): nothing ran.
    public static let scriptError: Int32 = 65
    public static let noInput: Int32 = 66
    public static let unreachable: Int32 = 69
    /// A runtime error: the language's own, and a host's unless it says otherwise.
    public static let runtime: Int32 = 70
    /// A multi-batch `run` where some batches were accepted and others failed, or a truncated export.
    public static let partialFailure: Int32 = 71
    /// Output could not be written: stdout (full disk, I/O error) or a file (`nxsh fmt`).
    public static let ioError: Int32 = 74
    public static let throttled: Int32 = 75
    public static let permission: Int32 = 77
    public static let config: Int32 = 78
    /// SIGINT or SIGTERM stopped the run (the evaluator's task was cancelled).
    public static let interrupted: Int32 = 130
    /// stdout's reader went away (128 + SIGPIPE).
    public static let brokenPipe: Int32 = 141
}
