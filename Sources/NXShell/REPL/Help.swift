/// `help` and `help TOPIC` in the REPL: short, with examples people can paste.
enum Help {
    static let topics: [String: String] = [
        "list": """
            list                          all remote actions
            list windows | select id, name
            list macos | where name contains "cache"
            """,
        "get": """
            get #restart_service          details of one action (inputs, outputs, targeting)
            (get #set_service_start_type).scriptInfo.inputs | pluck name
            """,
        "run": """
            run #ACTION on DEVICES [with <Name: "value", ...>] [expires 2h] [reason "..."] [ref "INC..."]
              run #get_battery_status on [3fa85f64-5717-4562-b3fc-2c963f66afa6]
              let r = run #set_service_start_type on devs with <StartType: "Automatic", StatusChange: "On">
              let devs = read("devices.txt")          one UUID per line, # comments allowed
            Asks for confirmation on a terminal (--yes skips); --dry-run sends nothing.
            """,
        "status": """
            status r                       one row per device for a run result or request id
            status r | where status == "failure" | select device.name, status_details
            """,
        "wait": """
            wait r                         poll until every device of run result r is final
            wait r timeout 10m             stop waiting after 10 minutes (default: until expiry)
            wait "3fa85f64-5717-4562-b3fc-2c963f66afa6"    a request id (a UUID) from `audit`
            Ctrl-C stops waiting; the executions go on.
            """,
        "audit": """
            audit                          the last 20 records of the audit log (audit 100: 100)
            Under --sandbox, the sandbox's own log.
            """,
        "query": """
            query #devices_by_os with <os: "macos">    a saved NQL query, rows as records
            """,
        "token": """
            token                          token type, scope, expiry (the token itself is masked)
            """,
    ]

    static var general: String {
        """
        Commands:  token, list, get, run, status, wait, audit, query   (`help run` etc.)
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
        guard words.count == 2 else { return words.count == 1 ? general : nil }
        return topics[words[1]] ?? "no help for '\(words[1])'; topics: " + topics.keys.sorted().joined(separator: ", ")
    }
}
