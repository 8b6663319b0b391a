import NXLanguage
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

/// Messages of `enrich`.
extension ShellMessages {
    static let enrichRefusal = "fields cannot be enriched"
    static let enrichNeedsObject = "enrich needs the kind of object to write to: devices, users, binaries or packages"
    static let enrichExample = "for example: enrich devices with read_csv(\"teams.csv\") (columns: name, #team)"
    static let emptyDomain = "the enrichment domain is empty; name the source of the data, e.g. domain \"cmdb\""
    static let noRows = "there are no rows to enrich; nothing was sent"
    static let theRows = "the rows"

    /// `teams.csv:14` for a row read from a file, `row 3` for others.
    static func rowPlace(_ index: Int, _ place: ListOrigin.Place?) -> String {
        place.map { filePlace($0.source, $0.line) } ?? "row \(index + 1)"
    }

    static func filePlace(_ file: String, _ line: Int) -> String { "\(file):\(line)" }

    static func notARow(_ place: String, _ type: String) -> String {
        "\(place) is \(type); every row must be a record whose first field names the object"
    }

    static func enrichProblems(_ count: Int) -> String {
        "cannot enrich: \(count) problem\(count == 1 ? "" : "s") in the rows, nothing was sent"
    }

    static func enrichPrompt(_ count: Int, noun: String, batches: Int, domain: String, fields: [String]) -> String {
        let shown = fields.prefix(10).joined(separator: ", ") + (fields.count > 10 ? ", ... \(fields.count - 10) more" : "")
        return "About to set fields on \(count) \(noun)" + (batches > 1 ? " in \(batches) batches" : "")
            + " (domain \(domain))\n  fields: \(shown)\nProceed? [y/N] "
    }

    static func enrichDryRun(_ count: Int, noun: String, batches: Int, domain: String, concurrency: Int) -> String {
        "dry run: would enrich \(count) \(noun) in \(batches) batch\(batches == 1 ? "" : "es") (domain \(domain), "
            + "up to \(concurrency) at a time); nothing was sent"
    }

    static let enrichmentUnknownAdvice = "these objects may or may not be written even after a second attempt; sending the rows again is harmless"

    static func objectsNotWritten(_ count: Int) -> String {
        "\(count) object\(count == 1 ? " was" : "s were") not written"
    }

    /// `teams.csv:14: device/device/name 'PC-9': OBJECT_NOT_FOUND: ...`
    static func objectNotWritten(_ failure: EnrichmentFailure) -> String {
        let id = "\(failure.identification.name) '\(failure.identification.value)'"
        return (failure.origin.map { $0 + ": " } ?? "") + id + ": " + failure.reasons.joined(separator: "; ")
    }
}

/// Messages of `delete devices`.
extension ShellMessages {
    static let deleteRefusal = "devices cannot be deleted"
    static let deleteExample = "for example: delete devices [<uid: 3fa85f64-5717-4562-b3fc-2c963f66afa6, name: \"LAPTOP-01\">]"
    static let noDevicesToDelete = "there are no devices to delete; nothing was sent"

    static func deleteOperand(_ type: String) -> String {
        "delete devices takes a list of records with uid and name, got \(type)"
    }

    static func deleteProblems(_ count: Int) -> String {
        "cannot delete devices: \(count) problem\(count == 1 ? "" : "s") in the list, nothing was sent"
    }

    static func deletionNotAllowed(_ profile: String) -> String {
        "\(profile) does not allow deleting devices without typing their number at a terminal; nothing was sent"
    }

    static let deletionNotAllowedNotes = [
        "deletions are irreversible: on a terminal you confirm by typing the number of devices",
        "to delete with --yes (scripts, no terminal), add `allow_device_deletion = true` to the profile",
        "or pass --dry-run to only show what would be deleted",
    ]

    static func deletePrompt(_ devices: [(name: String, uid: String)]) -> String {
        let shown = devices.prefix(10).map { "  \($0.name) \($0.uid)" }
        let more = devices.count > 10 ? ["  ... \(devices.count - 10) more"] : []
        return (["About to DELETE \(devices.count) device\(devices.count == 1 ? "" : "s") from the Nexthink inventory (irreversible):"]
            + shown + more + ["Type the number of devices (\(devices.count)) to delete them: "]).joined(separator: "\n")
    }

    static func deleteDryRun(_ count: Int, batches: Int, concurrency: Int) -> String {
        "dry run: would delete \(count) device\(count == 1 ? "" : "s") in \(batches) batch\(batches == 1 ? "" : "es") "
            + "(up to \(concurrency) at a time); nothing was sent"
    }

    static let deletionUnknownAdvice = "these devices may or may not be scheduled for deletion; query them before deleting again"

    static func devicesNotScheduled(_ count: Int) -> String {
        "\(count) device\(count == 1 ? " was" : "s were") not scheduled for deletion"
    }

    static func notScheduled(name: String, uid: String, status: String) -> String {
        "\(name) \(uid): \(status)"
    }
}
