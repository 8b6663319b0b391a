import Foundation
import Testing

/// read_csv / write_csv through the built binary, files relative to the script.
@Suite(.serialized) struct CSVFunctionTests {
    let home: TempDir
    let env: [String: String]

    init() throws {
        home = try TempDir()
        env = CLI.environment(home: home.path)
    }

    func script(_ name: String, _ text: String) throws -> String {
        let path = home.path + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func readCSVGivesRecordsKeyedByTheHeader() async throws {
        _ = try script("teams.csv", "\u{FEFF}name,team\r\nLAPTOP-01,\"Ops, EMEA\"\r\nMAC-01,\"two\nlines\"\r\n")
        let path = try script("read.nxs", """
            let t = read_csv("teams.csv")
            print count(t)
            print t[0].team
            print t[1].name
            """)
        let r = try await CLI.launch([path], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "2\nOps, EMEA\nMAC-01\n")
    }

    @Test func writeCSVRoundTripsThroughRFC4180() async throws {
        let path = try script("write.nxs", """
            let rows = [<id: 1, note: "a, b">, <id: 2, note: "say \\"hi\\"", extra: null>]
            let w = write_csv(rows, "out.csv")
            print w.rows
            let back = read_csv("out.csv")
            print back[0].note
            print back[1].note
            """)
        let r = try await CLI.launch([path], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "2\na, b\nsay \"hi\"\n")
        let written = try String(contentsOfFile: home.path + "/out.csv", encoding: .utf8)
        #expect(written == "id,note,extra\r\n1,\"a, b\",\r\n2,\"say \"\"hi\"\"\",\r\n")
    }

    @Test func malformedCSVIsReportedAtItsFileLine() async throws {
        _ = try script("bad.csv", "name,team\nA,x\nB,\"open\nC,y\n")
        _ = try script("wide.csv", "name,team\nA,x\nB,y,z\n")
        let r1 = try await CLI.launch(["-e", "let t = read_csv(\"\(home.path)/bad.csv\")"], environment: env)
        #expect(r1.status == 65)
        #expect(r1.stderr.contains("bad.csv:3: a quoted field opened here is never closed"), "\(r1.stderr)")
        let r2 = try await CLI.launch(["-e", "let t = read_csv(\"\(home.path)/wide.csv\")"], environment: env)
        #expect(r2.status == 65)
        #expect(r2.stderr.contains("wide.csv:3: 3 values for 2 columns"), "\(r2.stderr)")
        let r3 = try await CLI.launch(["-e", "let t = read_csv(\"\(home.path)/none.csv\")"], environment: env)
        #expect(r3.status == 66)
    }
}
