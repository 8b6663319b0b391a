/// Renders diagnostics the way compilers do:
///
///     runbook.nxs:3:14: error: unknown variable 'devz'
///     let r = run #x on devz
///                       ^~~~
///     note: did you mean 'devs'?
public enum DiagnosticRenderer {
    public static func render(_ diagnostic: Diagnostic, in file: SourceFile, color: Bool = false) -> String {
        let style = Style(enabled: color)
        var lines: [String] = []
        let label = style.severity(diagnostic.severity)
        // Messages quote values from outside (device ids read from files, service errors).
        let message = TerminalText.escape(elided(diagnostic.message))
        let notes = diagnostic.notes.map { TerminalText.escape(elided($0)) }
        guard let span = diagnostic.span else {
            lines.append("\(file.name): \(label) \(style.bold(message))")
            lines += notes.map { "\(style.note("note:")) \($0)" }
            return lines.joined(separator: "\n")
        }
        let location = file.location(of: span.start)
        lines.append("\(file.name):\(location.line):\(location.column): \(label) \(style.bold(message))")
        let source = Array(file.line(location.line).map { $0 == "\t" ? " " : $0 })
        let (first, width) = underline(span, line: location.line, column: location.column, in: file)
        let window = Window(around: first, lineLength: source.count)
        let shown = String(source[window.range])
        lines.append((window.cutBefore ? "…" : "") + shown + (window.cutAfter ? "…" : ""))
        let caretColumn = first - window.range.lowerBound + (window.cutBefore ? 1 : 0)
        let visibleWidth = max(1, min(width, window.range.upperBound - first))
        lines.append(style.caret(String(repeating: " ", count: caretColumn) + "^" + String(repeating: "~", count: visibleWidth - 1)))
        lines += notes.map { "\(style.note("note:")) \($0)" }
        return lines.joined(separator: "\n")
    }

    /// A message quoting a huge token (a 1 MB word) keeps its start and end.
    /// Ordinary messages (a list of saved queries, every problem of a request) stay whole.
    private static func elided(_ text: String) -> String {
        guard text.count > maxMessageLength else { return text }
        return String(text.prefix(maxMessageLength / 2)) + "…" + String(text.suffix(maxMessageLength / 4))
    }

    private static let maxMessageLength = 1_000

    public static func render(_ diagnostics: [Diagnostic], in file: SourceFile, color: Bool = false) -> String {
        diagnostics.map { render($0, in: file, color: color) }.joined(separator: "\n")
    }

    /// 0-based column of the first character and the span's width on that line.
    private static func underline(_ span: SourceSpan, line: Int, column: Int, in file: SourceFile) -> (Int, Int) {
        let endLocation = file.location(of: span.end)
        let lastColumn = endLocation.line == line ? endLocation.column : file.line(line).count + 1
        return (column - 1, max(1, lastColumn - column))
    }
}

/// The part of a long source line shown in a diagnostic: a 1 MB one-line script must not
/// print 1 MB (twice) to stderr. The caret stays in view; `…` marks each cut side.
private struct Window {
    static let width = 120
    var range: Range<Int>
    var cutBefore: Bool { range.lowerBound > 0 }
    var cutAfter: Bool

    init(around column: Int, lineLength: Int) {
        guard lineLength > Self.width else {
            range = 0..<lineLength
            cutAfter = false
            return
        }
        let start = max(0, min(column - Self.width / 2, lineLength - Self.width))
        range = start..<(start + Self.width)
        cutAfter = range.upperBound < lineLength
    }
}

/// ANSI styling, all no-ops when disabled.
private struct Style {
    var enabled: Bool

    func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
    func severity(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: wrap("error:", "1;31")
        case .warning: wrap("warning:", "1;35")
        case .note: note("note:")
        }
    }
    func bold(_ text: String) -> String { wrap(text, "1") }
    func note(_ text: String) -> String { wrap(text, "1;36") }
    func caret(_ text: String) -> String { wrap(text, "1;32") }
}
