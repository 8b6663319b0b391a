import Foundation
import TestSupport
import Testing

/// The test helper every CLI test runs through: it must never hold a thread of the cooperative
/// pool while a child runs, and a child that hangs must fail one test, not the run.
@Suite struct ChildProcessTests {
    @Test func waitingForChildrenLeavesTheCooperativePoolFree() async throws {
        // More waiting children than the pool has threads.
        let count = ProcessInfo.processInfo.activeProcessorCount * 2 + 2
        let children = try (0..<count).map { _ in try ChildProcess("/bin/sleep", ["600"]) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for child in children { group.addTask { _ = try await child.finish() } }
            // Runs on the pool: had the waits blocked it, this would only run after the children ended.
            let allStillRunning = await Task.detached { children.allSatisfy(\.isRunning) }.value
            #expect(allStillRunning)
            for child in children { child.send(SIGKILL) }
            try await group.waitForAll()
        }
    }

    @Test func aChildThatHangsIsKilledAndFailsWithATimeout() async throws {
        let error = await #expect(throws: ChildProcess.Timeout.self) {
            _ = try await ChildProcess.run("/bin/sh", ["-c", "echo started; exec sleep 600"], limit: .seconds(1))
        }
        #expect(error?.description.contains("did not finish within") == true)
    }

    @Test func bothPipesAreDrainedSoAChattyChildNeverStalls() async throws {
        let script = "head -c 1000000 /dev/zero; head -c 1000000 /dev/zero >&2; cat"
        let output = try await ChildProcess.run("/bin/sh", ["-c", script], input: Data("typed\n".utf8))
        #expect(output.status == 0)
        #expect(!output.signaled)
        #expect(output.stdout.count == 1_000_006)
        #expect(output.stderr.count == 1_000_000)
        #expect(output.stdout.suffix(6) == Data("typed\n".utf8))
    }

    @Test func aKilledChildReportsTheSignal() async throws {
        let child = try ChildProcess("/bin/sleep", ["600"])
        child.send(SIGKILL)
        let output = try await child.finish()
        #expect(output.signaled)
        #expect(output.status == SIGKILL)
    }
}
