#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CEditLine
import NXLanguage

/// Shown values → text: tables/blocks from the language's formatter, or one JSON document.
struct Renderer: Sendable {
    var format: OutputFormat
    var maxWidth: Int

    func render(_ value: Value) -> String {
        switch format {
        case .json: ValueFormatter.json(value)
        case .table: ValueFormatter.display(Self.summarize(value), maxWidth: maxWidth)
        }
    }

    /// A `print` line: as is, or under `-o json` a JSON string, so every stdout line parses.
    func renderPrinted(_ text: String) -> String {
        format == .json ? ValueFormatter.json(.string(text)) : text
    }

    /// Remote action lists are wide nested records; a table shows the columns people scan.
    /// Scripts still get the full records (`list | select ...` sees every field).
    static func summarize(_ value: Value) -> Value {
        guard case .list(let items) = value, !items.isEmpty,
              items.allSatisfy(isRemoteAction) else { return value }
        return .list(items.map { item in
            guard case .record(let r) = item else { return item }
            return .record(Record([
                ("id", r["id"] ?? .null),
                ("name", r["name"] ?? .null),
                ("windows", r["scriptInfo"]?.field("hasScriptWindows") ?? .null),
                ("macos", r["scriptInfo"]?.field("hasScriptMacOs") ?? .null),
                ("apiEnabled", r["targeting"]?.field("apiEnabled") ?? .null),
                ("purpose", joined(r["purpose"])),
            ]))
        })
    }

    /// `["REMEDIATION"]` reads better in a cell as `REMEDIATION`.
    private static func joined(_ value: Value?) -> Value {
        guard case .list(let items)? = value else { return value ?? .null }
        return .string(items.map(ValueFormatter.text).joined(separator: ", "))
    }

    private static func isRemoteAction(_ value: Value) -> Bool {
        guard case .record(let r) = value else { return false }
        return r["id"] != nil && r["scriptInfo"]?.field("hasScriptWindows") != nil && r["targeting"] != nil
    }

    /// Terminal width for tables; a fixed width elsewhere so piped output is stable.
    static func terminalWidth(environment: [String: String]) -> Int {
        let columns = Int(nxsh_terminal_columns(1))
        if isatty(1) == 1, columns > 20 { return columns }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 20 { return columns }
        return 120
    }
}

extension Value {
    func field(_ key: String) -> Value? {
        if case .record(let r) = self { return r[key] }
        return nil
    }
}
