import NexthinkClient

/// Messages of the data functions (`read`, `read_csv`, `write_csv`) and `export`.
extension ShellMessages {
    static let readUsage = "read() takes 1 argument, a file path string"
    static let readExample = "for example: let devs = read(\"devices.txt\")"
    static let nowUsage = "now() takes no arguments"

    static let readCSVUsage = "read_csv() takes 1 argument, a file path string"
    static let readCSVExample = "for example: let teams = read_csv(\"teams.csv\")"
    static let writeCSVUsage = "write_csv() takes 2 arguments: a list of records and a file path string"
    static let writeCSVExample = "for example: write_csv(query #devices, \"devices.csv\")"

    static func cannotRead(_ path: String, exists: Bool) -> String {
        "cannot read '\(path)': \(exists ? "it is not readable" : "no such file")"
    }

    static func lookedAt(_ full: String) -> String { "looked at \(full)" }

    static func noHeader(_ path: String) -> String {
        "\(path) is empty; the first line must name the columns"
    }

    static func unnamedColumn(_ path: String, _ column: Int) -> String {
        "\(path):1: column \(column) has no name; every column needs a header"
    }

    static func duplicateColumn(_ path: String, _ name: String) -> String {
        "\(path):1: column '\(name)' appears twice"
    }

    static func rowWidth(_ path: String, line: Int, values: Int, columns: Int) -> String {
        "\(path):\(line): \(values) values for \(columns) columns"
    }

    static let rowWidthNote = "quote a value that contains a comma: \"Zurich, CH\""

    static func notRows(_ index: Int, _ type: String) -> String {
        "write_csv(): element \(index) is \(type); every element must be a record (one row each) or every one a list"
    }

    static func cannotWrite(_ path: String, _ reason: String) -> String {
        "cannot write '\(path)': \(reason); the file was not changed"
    }

    static let exportNoFileName = "export needs a file name after 'to'"
    static let exportExample = "for example: export #all_devices to \"devices.csv\""

    static func exportNoDirectory(_ path: String) -> String {
        "cannot export to '\(path)': its directory does not exist; nothing was started"
    }

    static func exportProgress(_ id: String, state: String, elapsed: Duration) -> String {
        "export \(id): \(state), \(elapsed.components.seconds) s"
    }

    static func exportTruncated(_ id: String, rows: Int, file: String) -> String {
        "export \(id) was truncated: \(file) holds the first \(rows) rows only"
    }

    static func exportState(_ state: ExportStatus.State) -> String {
        switch state {
        case .submitted: "submitted"
        case .inProgress: "in progress"
        case .completed: "completed, downloading"
        case .error: "failed"
        case .other(let text): text
        }
    }

    static let exportTruncatedNote = "the results reached the licensed maximum of rows; narrow the query (a filter or parameters) to get all of them"
}
