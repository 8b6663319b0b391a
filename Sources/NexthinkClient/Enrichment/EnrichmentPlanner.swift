/// One row of an enrichment table: the identifying value first, then one cell per field
/// column. `origin` says where it came from (`teams.csv:14`) for every message about it.
public struct EnrichmentRow: Sendable, Hashable {
    public var origin: String
    /// nil or "" leaves that field unchanged on this object.
    public var cells: [String?]

    public init(origin: String, cells: [String?]) {
        self.origin = origin
        self.cells = cells
    }
}

public struct PlannedEnrichment: Sendable, Hashable {
    public var origin: String
    public var enrichment: Enrichment
}

/// Turns a table (first column names the object, the others are fields) into enrichments,
/// checking everything that can be checked before sending: the identifying column, field
/// names, empty identifications, duplicate objects, row widths. Pure.
public enum EnrichmentPlanner {
    /// At most this many problems are listed; the rest are counted.
    static let reportedProblems = 50

    public static func plan(_ object: EnrichmentObject, columns: [String], columnsOrigin: String,
                            rows: [EnrichmentRow]) -> Result<[PlannedEnrichment], ValidationError> {
        var problems = columnProblems(object, columns, columnsOrigin)
        guard problems.isEmpty, let idName = EnrichmentFields.identification(columns[0], for: object) else {
            return .failure(ValidationError(problems: problems))
        }
        let fieldNames = columns.dropFirst().map { EnrichmentFields.expand($0, for: object) }
        var planned: [PlannedEnrichment] = []
        planned.reserveCapacity(rows.count)
        var seen: [String: String] = [:]
        for row in rows {
            guard row.cells.count == columns.count else {
                problems.append(.init(field: row.origin, message:
                    "\(row.cells.count) values for \(columns.count) columns (\(columns.joined(separator: ", ")))"))
                continue
            }
            let id = DeviceIDs.trimmed(row.cells[0] ?? "")
            guard !id.isEmpty else {
                problems.append(.init(field: row.origin, message: "the \(columns[0]) that identifies the \(object.rawValue) is empty"))
                continue
            }
            let key = idName.hasSuffix("/uid") ? id.lowercased() : id
            if let first = seen[key] {
                problems.append(.init(field: row.origin, message:
                    "\(object.rawValue) \(columns[0]) '\(id)' already appears at \(first); keep one row per \(object.rawValue)"))
                continue
            }
            seen[key] = row.origin
            let fields = zip(fieldNames, row.cells.dropFirst()).compactMap { name, cell -> EnrichmentField? in
                guard let cell, !cell.isEmpty else { return nil }
                return EnrichmentField(name: name, value: .string(cell))
            }
            guard !fields.isEmpty else {
                problems.append(.init(field: row.origin, message: "no value to set for \(object.rawValue) '\(id)'; every field cell is empty"))
                continue
            }
            planned.append(PlannedEnrichment(origin: row.origin, enrichment: Enrichment(
                identification: Identification(name: idName, value: id), fields: fields)))
        }
        return problems.isEmpty ? .success(planned) : .failure(ValidationError(problems: capped(problems)))
    }

    private static func columnProblems(_ object: EnrichmentObject, _ columns: [String], _ origin: String) -> [ValidationProblem] {
        guard let first = columns.first else {
            return [.init(field: origin, message: "no columns; the first names the \(object.rawValue), the others are fields")]
        }
        var problems: [ValidationProblem] = []
        if EnrichmentFields.identification(first, for: object) == nil {
            problems.append(.init(field: origin, message:
                "the first column '\(first)' cannot identify \(object.rawValue)s; use \(object.identifiers.joined(separator: " or "))"))
        }
        if columns.count == 1 {
            problems.append(.init(field: origin, message: "no field columns after '\(first)'; add e.g. #team"))
        }
        var seen = Set<String>()
        for column in columns.dropFirst() {
            let full = EnrichmentFields.expand(column, for: object)
            if let why = EnrichmentFields.problem(full, for: object) {
                problems.append(.init(field: origin, message: why))
            } else if !seen.insert(full).inserted {
                problems.append(.init(field: origin, message: "column '\(column)' appears twice"))
            }
        }
        return problems
    }

    static func capped(_ problems: [ValidationProblem]) -> [ValidationProblem] {
        guard problems.count > reportedProblems else { return problems }
        return Array(problems.prefix(reportedProblems))
            + [.init(field: "rows", message: "\(problems.count - reportedProblems) more problems not listed")]
    }
}
