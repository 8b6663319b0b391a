import Foundation
import Testing

/// `export` through the built binary against `--sandbox`: the file's content against `query`
/// of the same saved query, compressed and decompressed targets, truncation and the daily limit.
@Suite(.serialized) struct ExportCLITests {
    let home: TempDir
    let env: [String: String]

    init() throws {
        home = try TempDir()
        env = CLI.environment(home: home.path)
    }

    func script(_ text: String, extra: [String: String] = [:]) async throws -> CLI.Result {
        let path = home.path + "/export.nxs"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try await CLI.launch(["--sandbox", path], environment: env.merging(extra) { $1 })
    }

    func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: home.path + "/" + name)))
    }

    @Test func plainAndDecompressedExportsHoldTheQueryRows() async throws {
        let r = try await script("""
            let rows = query #large_table with <rows: "40">
            let plain = export #large_table with <rows: "40"> to "plain.csv"
            let gz = export #large_table to "gz.csv" compression gzip with <rows: "40">
            let zst = export #large_table with <rows: "40"> to "zst.csv" compression zstd
            for file in ["plain.csv", "gz.csv", "zst.csv"] {
                let csv = read_csv(file)
                assert count(csv) == count(rows)
                for i in range(count(rows)) {
                    for k in keys(rows[i]) { assert str(rows[i][k]) == csv[i][k] }
                }
            }
            print [plain.rows, gz.rows, zst.rows, plain.truncated]
            print plain.file == gz.file
            """)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "[40, 40, 40, false]\nfalse\n")
        #expect(try bytes("gz.csv") == bytes("plain.csv"))
        #expect(try bytes("zst.csv") == bytes("plain.csv"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path).sorted()
                == ["export.nxs", "gz.csv", "plain.csv", "zst.csv"])
    }

    @Test(arguments: [("gzip", ".gz", [UInt8]([0x1F, 0x8B])), ("zstd", ".zst", [0x28, 0xB5, 0x2F, 0xFD])])
    func aTargetWithTheExtensionStaysCompressed(_ word: String, _ suffix: String, _ magic: [UInt8]) async throws {
        let r = try await script("""
            let e = export #large_table with <rows: "25"> to "kept.csv\(suffix)" compression \(word)
            print e.rows
            print e.bytes
            """)
        #expect(r.status == 0, "\(r.stderr)")
        let kept = try bytes("kept.csv" + suffix)
        #expect(Array(kept.prefix(magic.count)) == magic)
        #expect(r.stdout == "25\n\(kept.count)\n")
    }

    @Test func truncatedExportWarnsWithTheRowsKeptAndExits71() async throws {
        let r = try await script("""
            let e = export #large_table with <rows: "40"> to "cut.csv"
            print e.rows
            print e.truncated
            print "goes on"
            """, extra: ["NXSH_SANDBOX_EXPORT_ROWS": "10"])
        #expect(r.status == 71, "\(r.stderr)")
        #expect(r.stdout == "10\ntrue\ngoes on\n")
        #expect(r.stderr.contains("warning: export #large_table was truncated: cut.csv holds the first 10 rows only"))
        let lines = try String(contentsOfFile: home.path + "/cut.csv", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 11)
    }

    @Test func dailyLimitIsAClearErrorAndLeavesNoFile() async throws {
        let r = try await script("""
            export #large_table with <rows: "5"> to "limited.csv"
            """, extra: ["NXSH_SANDBOX_FAULTS": "nqlStatus:status:429"])
        #expect(r.status == 75, "\(r.stderr)")
        #expect(r.stderr.contains("the daily limit of NQL exports is reached"))
        #expect(!FileManager.default.fileExists(atPath: home.path + "/limited.csv"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path) == ["export.nxs"])
    }

    @Test func aMissingDirectoryIsRefusedBeforeTheExportStarts() async throws {
        let r = try await script("""
            export #large_table with <rows: "5"> to "nowhere/d.csv"
            """)
        #expect(r.status == 74, "\(r.stderr)")
        #expect(r.stderr.contains("error: cannot export to 'nowhere/d.csv': its directory does not exist; nothing was started"))
    }
}
