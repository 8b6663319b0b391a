/// Polls `condition` until it holds, for at most `limit`: the bound is generous because a loaded
/// machine is slow, and it only matters when the condition never comes true (the test's own
/// expectation then fails with the state it saw).
public func eventually(within limit: Duration = .seconds(90), _ condition: () -> Bool) async throws {
    let deadline = ContinuousClock.now + limit
    while !condition(), ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(20))
    }
}
