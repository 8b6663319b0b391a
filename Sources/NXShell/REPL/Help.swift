import Foundation
import NXLanguage

/// `help` and `help TOPIC` in the REPL: short, with examples people can paste. The commands,
/// their usage and summary come from the language's `CommandTable`; only examples live here.
enum Help {
    static let examples: [String: [String]] = [
        "list": ["list windows | select id, name", "list macos | where name contains \"cache\""],
        "get": ["get #restart_service", "(get #set_service_start_type).scriptInfo.inputs | pluck name"],
        "run": ["run #get_battery_status on [3fa85f64-5717-4562-b3fc-2c963f66afa6]",
                "let r = run #set_service_start_type on devs with <StartType: \"Automatic\", StatusChange: \"On\">",
                "let devs = read(\"devices.txt\")          one UUID per line, # comments allowed"],
        "status": ["status r | where status == \"failure\" | select device.name, status_details"],
        "wait": ["wait r timeout 10m             stop waiting after 10 minutes (default: until expiry)",
                 "wait \"3fa85f64-5717-4562-b3fc-2c963f66afa6\"    a request id (a UUID) from `audit`",
                 "let done = wait r timeout 10m | where status != \"success\"",
                 "Ctrl-C stops waiting; the executions go on."],
        "query": ["query #devices_by_os with <os: \"macos\">"],
        "audit": ["audit 100                      the last 100 records (default 20)",
                  "audit 5 | select time, action, result",
                  "Under --sandbox, the sandbox's own log."],
    ]

    static var topics: [String: String] {
        Dictionary(uniqueKeysWithValues: CommandTable.all.map { ($0.name, topic($0)) })
    }

    static func topic(_ spec: CommandSpec) -> String {
        let usage = spec.usage.count < 30 ? spec.usage.padding(toLength: 31, withPad: " ", startingAt: 0) + spec.summary
            : spec.usage + "\n  " + spec.summary
        var lines = [usage] + (examples[spec.name] ?? []).map { "  " + $0 }
        if spec.changesState { lines.append("Asks for confirmation on a terminal (--yes skips); --dry-run sends nothing.") }
        return lines.joined(separator: "\n")
    }

    static var general: String {
        """
        Commands:  \(CommandTable.all.map(\.name).joined(separator: ", "))        (`help run` etc. for examples)
        Language:  let x = ..., if/else, for x in xs { }, print, assert, exit
        Pipelines: list windows | where name contains "cache" | select id, name | sort id
        Keys:      Tab completes; Up/Down history; Ctrl-C cancels; Ctrl-D or `exit` quits
        Also:      `_` is the last value; .refresh reloads action ids; -o json for JSON
        """
    }

    /// nil when the input is not a help request.
    static func answer(_ input: String) -> String? {
        let words = input.split(separator: " ").map(String.init)
        guard let first = words.first, first == "help" || first == ".help" else { return nil }
        guard words.count >= 2 else { return general }
        let name = words.dropFirst().joined(separator: " ")
        return topics[name] ?? ShellMessages.noHelp(name, topics: CommandTable.all.map(\.name))
    }
}
