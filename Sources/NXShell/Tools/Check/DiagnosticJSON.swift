#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NXLanguage

/// `nxsh check -o json`: one diagnostic per line for CI.
enum DiagnosticJSON {
    struct Line: Encodable {
        struct Position: Encodable {
            var line: Int
            var column: Int
        }
        var file: String
        var line: Int?
        var column: Int?
        var end: Position?
        var severity: String
        var message: String
        var notes: [String]
    }

    static func line(_ diagnostic: Diagnostic, in file: SourceFile) -> String {
        let start = diagnostic.span.map { file.location(of: $0.start) }
        let end = diagnostic.span.map { file.location(of: $0.end) }
        let line = Line(file: file.name, line: start?.line, column: start?.column,
                        end: end.map { Line.Position(line: $0.line, column: $0.column) },
                        severity: diagnostic.severity.rawValue, message: diagnostic.message, notes: diagnostic.notes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(line)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
