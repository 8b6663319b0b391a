import NexthinkEmulator
import Testing

/// The `NXSH_SANDBOX_*` hooks that `nexthink-emulator --nxsh-sandbox` reads for `nxsh --sandbox`.
@Suite struct SandboxSetupTests {
    @Test func faultsParse() throws {
        let faults = try SandboxFault.parse("details:delay:2s,execute:status:429*2,list:drop")
        #expect(faults.count == 3)
        #expect(faults[0].fault == .delay(.seconds(2)))
        #expect(faults[1].fault == .status(429, retryAfter: "1"))
        #expect(faults[1].times == 2)
        #expect(faults[2].route == .list && faults[2].fault == .dropConnection)
        #expect(throws: InvalidSandboxFault.self) { try SandboxFault.parse("nowhere:delay:1s") }
        #expect(throws: InvalidSandboxFault.self) { try SandboxFault.parse("details:delay") }
    }

    @Test func outOfRangeNumbersKeepTheDefaults() throws {
        let setup = try SandboxSetup.read(["NXSH_SANDBOX_TIME_SCALE": "1e300", "NXSH_SANDBOX_EXPORT_ROWS": "-3"])
        #expect(setup.options.timeScale == EmulatorOptions().timeScale)
        #expect(setup.options.dataLimits.exportRows == EmulatorOptions().dataLimits.exportRows)
        let scaled = try SandboxSetup.read(["NXSH_SANDBOX_TIME_SCALE": "600", "NXSH_SANDBOX_EXPORT_ROWS": "10"])
        #expect(scaled.options.timeScale == 600)
        #expect(scaled.options.dataLimits.exportRows == 10)
    }
}
