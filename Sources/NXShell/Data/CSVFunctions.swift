#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NexthinkClient
import NXLanguage

/// `read_csv(path)` and `write_csv(list, path)`: RFC 4180 files as lists of records. Values
/// are kept as text (a CSV cell has no type). Each record carries its file line, so later
/// errors about it can say `teams.csv:14`.
enum CSVFunctions {
    static func read(_ arguments: [Value], base: String) throws -> Value {
        guard arguments.count == 1, case .string(let path) = arguments[0] else {
            throw HostError(ShellMessages.readCSVUsage, notes: [ShellMessages.readCSVExample], exitCode: ExitStatus.runtime)
        }
        let full = resolve(path, base: base)
        guard let data = FileManager.default.contents(atPath: full) else {
            throw HostError(ShellMessages.cannotRead(path, exists: FileManager.default.fileExists(atPath: full)),
                            notes: [ShellMessages.lookedAt(full)], exitCode: ExitStatus.noInput)
        }
        let records: [CSVRecord]
        do {
            records = try CSVReader.records(Array(data), source: path)
        } catch {
            throw HostError(error.description, exitCode: ExitStatus.scriptError)
        }
        let items = try table(records, path: path).map(Value.record)
        return .list(ValueList(items, origin: ListOrigin(source: path, lines: records.dropFirst().map(\.line))))
    }

    /// Records keyed by the header line's names.
    static func table(_ records: [CSVRecord], path: String) throws -> [Record] {
        guard let header = records.first else {
            throw HostError(ShellMessages.noHeader(path), exitCode: ExitStatus.scriptError)
        }
        var seen = Set<String>()
        for (i, name) in header.fields.enumerated() {
            if name.isEmpty { throw HostError(ShellMessages.unnamedColumn(path, i + 1), exitCode: ExitStatus.scriptError) }
            if !seen.insert(name).inserted { throw HostError(ShellMessages.duplicateColumn(path, name), exitCode: ExitStatus.scriptError) }
        }
        return try records.dropFirst().map { record in
            guard record.fields.count == header.fields.count else {
                throw HostError(ShellMessages.rowWidth(path, line: record.line, values: record.fields.count, columns: header.fields.count),
                                notes: [ShellMessages.rowWidthNote], exitCode: ExitStatus.scriptError)
            }
            return Record(zip(header.fields, record.fields.map(Value.string)).map { ($0, $1) })
        }
    }

    /// Writes records (header from their keys, in first-seen order) or lists (rows as they
    /// are); replaces `path` atomically. Returns `<file, rows>`.
    static func write(_ arguments: [Value], base: String) throws -> Value {
        guard arguments.count == 2, case .list(let items) = arguments[0], case .string(let path) = arguments[1] else {
            throw HostError(ShellMessages.writeCSVUsage, notes: [ShellMessages.writeCSVExample], exitCode: ExitStatus.runtime)
        }
        let text = CSVWriter.document(try rows(items))
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: resolve(path, base: base)), options: .atomic)
        } catch {
            throw HostError(ShellMessages.cannotWrite(path, reason(error)), exitCode: ExitStatus.runtime)
        }
        return .record(Record([("file", .string(path)), ("rows", .int(items.count))]))
    }

    /// The system's words for why a write failed ("No such file or directory"), from the
    /// POSIX error under Foundation's; `localizedDescription` would need full Foundation.
    private static func reason(_ error: any Error) -> String {
        guard let posix = (error as? CocoaError)?.underlying as? POSIXError else { return String(describing: error) }
        return String(cString: strerror(posix.code.rawValue))
    }

    static func rows(_ items: ValueList) throws -> [[String]] {
        if items.allSatisfy({ if case .list = $0 { true } else { false } }) {
            return items.map { if case .list(let cells) = $0 { cells.map(cell) } else { [] } }
        }
        var columns: [String] = [], known = Set<String>(), records: [Record] = []
        for (i, item) in items.enumerated() {
            guard case .record(let record) = item else { throw HostError(ShellMessages.notRows(i, item.typeName), exitCode: ExitStatus.runtime) }
            for key in record.keys where known.insert(key).inserted { columns.append(key) }
            records.append(record)
        }
        return [columns] + records.map { r in columns.map { r[$0].map(cell) ?? "" } }
    }

    static func cell(_ value: Value) -> String {
        value == .null ? "" : ValueFormatter.text(value)
    }

    static func resolve(_ path: String, base: String) -> String {
        path.hasPrefix("/") ? path : base + "/" + path
    }
}
