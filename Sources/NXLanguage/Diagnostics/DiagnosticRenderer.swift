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
        let message = TerminalText.escape(diagnostic.message)
        let notes = diagnostic.notes.map { TerminalText.escape($0) }
        guard let span = diagnostic.span else {
            lines.append("\(file.name): \(label) \(style.bold(message))")
            lines += notes.map { "\(style.note("note:")) \($0)" }
            return lines.joined(separator: "\n")
        }
        let location = file.location(of: span.start)
        lines.append("\(file.name):\(location.line):\(location.column): \(label) \(style.bold(message))")
        let source = file.line(location.line)
        lines.append(String(source.map { $0 == "\t" ? " " : $0 }))
        lines.append(style.caret(underline(span, line: location.line, column: location.column, in: file)))
        lines += notes.map { "\(style.note("note:")) \($0)" }
        return lines.joined(separator: "\n")
    }

    public static func render(_ diagnostics: [Diagnostic], in file: SourceFile, color: Bool = false) -> String {
        diagnostics.map { render($0, in: file, color: color) }.joined(separator: "\n")
    }

    /// `^` under the first character, `~` under the rest of the span on that line.
    private static func underline(_ span: SourceSpan, line: Int, column: Int, in file: SourceFile) -> String {
        let lineText = file.line(line)
        let endLocation = file.location(of: span.end)
        let lastColumn = endLocation.line == line ? endLocation.column : lineText.count + 1
        let width = max(1, lastColumn - column)
        return String(repeating: " ", count: column - 1) + "^" + String(repeating: "~", count: width - 1)
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
