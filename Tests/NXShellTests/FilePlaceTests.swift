import NXLanguage
import Testing

/// Errors about elements of a list read from a file name the element's own file line, however
/// the list was narrowed or reordered on the way, through the real host and emulator.
@Suite struct FilePlaceTests {
    @Test func aFilteredAndSortedDeviceListKeepsEachIdsLine() async throws {
        try await withFleetSession { s in
            let name = try s.file("devices.txt", ["# ids", FleetSession.uuid(1), "bad-b", FleetSession.uuid(2), "bad-a"])
            let script = "let ids = read(\"\(name)\") | where it != \"\(FleetSession.uuid(1))\"\nrun #get_battery_status on sort(ids)"
            #expect(await s.run(script) == 70)
            #expect(s.err.text.contains("at position 2 (devices.txt line 5): 'bad-a'"), "\(s.err.text)")
            #expect(s.err.text.contains("at position 3 (devices.txt line 3): 'bad-b'"))
            #expect(s.server.stats.requests(for: .execute) == 0)
        }
    }

    @Test func twoFilesWithEqualContentsKeepTheirOwnNames() async throws {
        try await withFleetSession { s in
            for name in ["a.txt", "b.txt"] { _ = try s.file(name, [FleetSession.uuid(1), "bad"]) }
            let script = "let b = read(\"b.txt\")\nlet a = read(\"a.txt\")\nrun #get_battery_status on (b | last 1)"
            #expect(await s.run(script) == 70)
            #expect(s.err.text.contains("invalid device id 'bad' at position 1 (b.txt line 2)"), "\(s.err.text)")
            #expect(await s.run("run #get_battery_status on read(\"a.txt\") + [\"x\"]") == 70)
            #expect(s.err.text.contains("at position 2 (a.txt line 2): 'bad'"))
            #expect(s.err.text.contains("at position 3: 'x'"))
        }
    }

    @Test func workflowTargetsFromAFileNameTheirLines() async throws {
        try await withFleetSession { s in
            let name = try s.file("devices.txt", ["# ids", "bad-1", FleetSession.uuid(1), "bad-2"])
            let script = "run workflow #wf_restart_spooler on (read(\"\(name)\") | where it != \"bad-1\")"
            #expect(await s.run(script) == 70)
            #expect(s.err.text.contains("invalid device at position 2 (devices.txt line 4): "), "\(s.err.text)")
        }
    }

    @Test func rowsToDeletePickedFromACSVFileNameTheirLines() async throws {
        try await withFleetSession { s in
            _ = try s.file("old.csv", ["uid,name", "\(FleetSession.uuid(1)),A", "not-a-uid,B", "\(FleetSession.uuid(3)),"])
            let script = "dryrun = true\ndelete devices (read_csv(\"old.csv\") | where it.name != \"A\" | sort name | first 2)"
            #expect(await s.run(script) == 65)
            #expect(s.err.text.contains("old.csv:3: uid 'not-a-uid' is not a UUID"), "\(s.err.text)")
            #expect(s.err.text.contains("old.csv:4: device \(FleetSession.uuid(3)) has no name"))
        }
    }

    @Test func enrichmentRowsPickedFromACSVFileNameTheirLines() async throws {
        try await withFleetSession { s in
            _ = try s.file("teams.csv", ["name,#team", "LAPTOP-01,ops", ",dev", "LAPTOP-01,hr"])
            let script = "dryrun = true\nenrich devices with (read_csv(\"teams.csv\") | sort name desc | where it[\"#team\"] != \"hr\")"
            #expect(await s.run(script) == 65)
            #expect(s.err.text.contains("teams.csv:3: the name that identifies the device is empty"), "\(s.err.text)")
            #expect(!s.err.text.contains("already appears"))
        }
    }
}
