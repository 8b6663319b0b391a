/// Every command of the language, described once. Order matters: it is the order of help,
/// completion and `Vocabulary.commands`.
public enum CommandTable {
    public static let all: [CommandSpec] = [
        CommandSpec(words: ["token"], operand: .none, clauses: [], changesState: false,
                    usage: "token", summary: "token type, scope, expiry (the token itself is masked)",
                    example: "token"),
        CommandSpec(words: ["list"], operand: .word(["windows", "macos"]), clauses: [], changesState: false,
                    usage: "list [windows|macos]", summary: "all remote actions, or those of one platform",
                    example: "list windows"),
        CommandSpec(words: ["list", "workflows"], operand: .words(workflowFilters), clauses: [], changesState: false,
                    usage: "list workflows [api|manual|manual_multiple|scheduler] [device|user|user_and_device|none] [active]",
                    summary: "workflows, optionally by trigger method, dependency or only the active ones",
                    example: "list workflows api active"),
        CommandSpec(words: ["list", "campaigns"], operand: .none, clauses: [], changesState: false,
                    usage: "list campaigns", summary: "campaigns, from the tenant's saved NQL query #campaigns",
                    example: "list campaigns"),
        CommandSpec(words: ["get"], operand: .actionID, clauses: [], changesState: false,
                    usage: "get #ACTION", summary: "details of one action (inputs, outputs, targeting)",
                    example: "get #get_battery_status"),
        CommandSpec(words: ["get", "workflow"], operand: .workflowID, clauses: [], changesState: false,
                    usage: "get workflow #WORKFLOW", summary: "details of one workflow (status, triggers, versions)",
                    example: "get workflow #wf_restart_spooler"),
        CommandSpec(words: ["run"], operand: .actionID,
                    clauses: [ClauseSpec("on", .devices, missing: "target devices after the action id"),
                              ClauseSpec("with", .stringMap), ClauseSpec("expires", .minutes),
                              ClauseSpec("reason", .string), ClauseSpec("ref", .string)],
                    changesState: true,
                    usage: "run #ACTION on DEVICES [with <Name: \"value\", ...>] [expires 2h] [reason \"...\"] [ref \"INC...\"]",
                    summary: "runs a remote action on devices",
                    example: "run #get_battery_status on [3fa85f64-5717-4562-b3fc-2c963f66afa6]"),
        // `on` is optional: a USER workflow takes users only, a NONE workflow no one.
        CommandSpec(words: ["run", "workflow"], operand: .workflowID,
                    clauses: [ClauseSpec("on", .targets), ClauseSpec("users", .targets), ClauseSpec("with", .stringMap),
                              ClauseSpec("reason", .string), ClauseSpec("ref", .string)],
                    changesState: true,
                    usage: "run workflow #WORKFLOW [on DEVICES] [users USERS] [with <Name: \"value\", ...>] [reason \"...\"] [ref \"INC...\"]",
                    summary: "runs a workflow on devices and users (Collector UUIDs and SIDs, or records of external ids)",
                    example: "run workflow #wf_restart_spooler on [3fa85f64-5717-4562-b3fc-2c963f66afa6] with <reason: \"stuck\">"),
        CommandSpec(words: ["run", "campaign"], operand: .campaignID,
                    clauses: [ClauseSpec("for", .targets, missing: "the users (SIDs) after the campaign id"),
                              ClauseSpec("with", .stringMap), ClauseSpec("expires", .minutes), ClauseSpec("reason", .string)],
                    changesState: true,
                    usage: "run campaign #CAMPAIGN for USERS [with <name: \"value\", ...>] [expires 7d] [reason \"...\"]",
                    summary: "sends a campaign to users (SIDs)",
                    example: "run campaign #csat_after_fix for [\"S-1-5-21-1-2-3-1001\"] with <ticket: \"INC001\">"),
        CommandSpec(words: ["status"], operand: .value, clauses: [], changesState: false,
                    usage: "status RUN", summary: "one row per device for a run result or request id",
                    example: "status r"),
        CommandSpec(words: ["wait"], operand: .value, clauses: [ClauseSpec("timeout", .duration)], changesState: false,
                    usage: "wait RUN [timeout 10m]", summary: "waits until every device of a run has finished",
                    example: "wait r timeout 10m"),
        CommandSpec(words: ["query"], operand: .queryID, clauses: [ClauseSpec("with", .stringMap)], changesState: false,
                    usage: "query #QUERY [with <name: \"value\", ...>]", summary: "a saved NQL query, rows as records",
                    example: "query #devices_by_name with <name: \"LAPTOP-01\">"),
        CommandSpec(words: ["audit"], operand: .count, clauses: [], changesState: false,
                    usage: "audit [N]", summary: "the last runs recorded in the local audit log",
                    example: "audit 5"),
        CommandSpec(words: ["export"], operand: .queryID,
                    clauses: [ClauseSpec("to", .string, missing: "a file to write: to \"FILE\""),
                              ClauseSpec("with", .stringMap), ClauseSpec("compression", .word(["gzip", "zstd", "none"]))],
                    changesState: false,
                    usage: "export #QUERY to \"FILE\" [with <name: \"value\", ...>] [compression gzip|zstd|none]",
                    summary: "all results of a saved NQL query, downloaded to a CSV file",
                    example: "export #all_devices to \"devices.csv\""),
        CommandSpec(words: ["enrich"], operand: .word(enrichmentObjects),
                    clauses: [ClauseSpec("with", .records, missing: "the rows to write: with ROWS"),
                              ClauseSpec("domain", .string)],
                    changesState: true,
                    usage: "enrich devices|users|binaries|packages with ROWS [domain \"cmdb\"]",
                    summary: "sets fields of devices or users from rows (first column names the object)",
                    example: "enrich devices with read_csv(\"teams.csv\")"),
        CommandSpec(words: ["delete", "devices"], operand: .value, clauses: [], changesState: true,
                    usage: "delete devices [<uid: UUID, name: \"NAME\">, ...]",
                    summary: "schedules devices for removal from the inventory (irreversible)",
                    example: "delete devices [<uid: 3fa85f64-5717-4562-b3fc-2c963f66afa6, name: \"LAPTOP-01\">]"),
    ]

    /// The kinds of object `enrich` writes to, as written after it.
    public static let enrichmentObjects = ["devices", "users", "binaries", "packages"]

    /// The filter words of `list workflows`: trigger methods, dependencies, `active`.
    public static let workflowFilters = ["api", "manual", "manual_multiple", "scheduler",
                                         "device", "user", "user_and_device", "none", "active"]

    /// Words that start a command; the lexer makes them reserved.
    static let firstWords: Set<String> = Set(all.map { $0.words[0] })

    public static func spec(named name: String) -> CommandSpec? { all.first { $0.name == name } }

    /// Every word that only has a meaning inside a command (clause words, operand words,
    /// second words).
    static var innerWords: [String] {
        all.flatMap { spec -> [String] in
            var words = Array(spec.words.dropFirst()) + spec.clauses.map(\.word)
            switch spec.operand {
            case .word(let choices), .words(let choices): words += choices
            default: break
            }
            for clause in spec.clauses { if case .word(let choices) = clause.type { words += choices } }
            return words
        }
    }
}
