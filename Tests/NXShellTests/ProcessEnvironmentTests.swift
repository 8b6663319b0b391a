import Foundation
import Testing
@testable import NXShell

@Suite struct ProcessEnvironmentTests {
    /// The byte-level reader and Foundation's agree on this process's environment (the test
    /// runner's: PATH, HOME and whatever else it was given).
    @Test func readsWhatProcessInfoReads() {
        let environment = ProcessEnvironment.read()
        #expect(environment == ProcessInfo.processInfo.environment)
        #expect(environment["PATH"] != nil)
    }
}
