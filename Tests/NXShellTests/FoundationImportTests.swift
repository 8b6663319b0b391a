import Foundation
import Testing

/// nxsh links no full Foundation (its ICU data and conformance records cost start-up, see
/// docs/benchmarks.md); one plain `import Foundation` in NXShell brings it all back, and no
/// build error says so. On Linux the module imports FoundationEssentials; Foundation only in
/// the `#else` branch for macOS.
struct FoundationImportTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/NXShell").standardized

    @Test func nxshellImportsFoundationOnlyWhereFoundationEssentialsIsMissing() throws {
        let files = try Self.swiftFiles(under: Self.sources.path)
        #expect(files.count > 50, "found the NXShell sources")
        var offenders: [String] = []
        for file in files {
            let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() where line == "import Foundation" {
                if index == 0 || lines[index - 1] != "#else" { offenders.append("\(file):\(index + 1)") }
            }
        }
        #expect(offenders.isEmpty, "use `#if canImport(FoundationEssentials)`: \(offenders)")
    }

    private static func swiftFiles(under directory: String) throws -> [String] {
        let names = FileManager.default.enumerator(atPath: directory)?.allObjects.compactMap { $0 as? String } ?? []
        return names.filter { $0.hasSuffix(".swift") }.map { directory + "/" + $0 }
    }
}
