import Foundation
import NexthinkEmulator
import Testing

/// Faults injected into a real emulator while the real `nxsh` binary runs against it. Each test
/// checks what the user sees (exit status, message) and, from the emulator's counters, that no
/// remote action ran twice.
struct FaultShellTests {
    @Test func tokenExpiredOnTheServerBetweenRunsIsRenewedOnce() async throws {
        try await withShell { shell in
            let first = try await shell.nxsh(["-e", "list windows"])
            #expect(first.status == 0, "\(first.stderr)")
            // The cached token still looks valid to nxsh, but the service no longer accepts it.
            shell.server.revokeTokens()
            let second = try await shell.nxsh(["-y", "-o", "json", "-e", runOneDevice])
            #expect(second.status == 0, "\(second.stderr)")
            #expect(second.stdout.contains("requestId"))
            #expect(shell.server.stats.tokenRequests == 2)
            #expect(shell.server.stats.executionCount == 1)
            // `run` reads the action's details first: that call got the 401, then the renewed token.
            #expect(shell.server.stats.requests(for: .details) == 2)
            #expect(shell.server.stats.requests(for: .execute) == 1)
        }
    }

    @Test func a401OnExecuteMidScriptIsRenewedAndRunsOnce() async throws {
        try await withShell { shell in
            shell.server.faults.inject(.execute, .status(401), times: 1)
            let r = try await shell.nxsh(["-y", "-e", "list windows | count", "-e", runOneDevice])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(shell.server.stats.tokenRequests == 2)
            #expect(shell.server.stats.executionCount == 1)
        }
    }

    @Test(arguments: [EmulatorRoute.execute, .list])
    func a401StormIsAnAuthenticationErrorNotALoop(_ route: EmulatorRoute) async throws {
        try await withShell { shell in
            shell.server.faults.inject(route, .status(401), times: 50)
            let r = try await shell.nxsh(["-y", "-e", route == .execute ? runOneDevice : "list windows"])
            #expect(r.status == 77, "\(r.stderr)")
            #expect(r.stderr.contains("authentication failed"))
            #expect(shell.server.stats.requests(for: route) == 2, "one renewal, then give up")
            #expect(shell.server.stats.tokenRequests == 2)
            #expect(shell.server.stats.executionCount == 0)
        }
    }

    @Test func throttledExecuteWaitsForRetryAfterInSeconds() async throws {
        try await withShell { shell in
            shell.server.faults.inject(.execute, .status(429, retryAfter: "1"), times: 1)
            let r = try await shell.nxsh(["-y", "-e", runOneDevice])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.elapsed >= .seconds(1))
            #expect(shell.server.stats.requests(for: .execute) == 2)
            #expect(shell.server.stats.executionCount == 1)
        }
    }

    @Test func throttledExecuteWaitsForRetryAfterAsAnHTTPDate() async throws {
        try await withShell { shell in
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
            // Whole seconds on the wire: the date sent is at most 1 s before `due`.
            let due = Date().addingTimeInterval(2)
            shell.server.faults.inject(.execute, .status(429, retryAfter: formatter.string(from: due)), times: 1)
            let r = try await shell.nxsh(["-y", "-e", runOneDevice])
            #expect(r.status == 0, "\(r.stderr)")
            // Against the date itself, not the run time: a slow start must not eat into the wait.
            #expect(Date() >= due.addingTimeInterval(-1), "nxsh retried before the Retry-After date")
            #expect(shell.server.stats.requests(for: .execute) == 2)
            #expect(shell.server.stats.executionCount == 1)
        }
    }

    @Test func retryAfterBeyondTheCapIsReportedNotWaitedFor() async throws {
        try await withShell { shell in
            shell.server.faults.inject(.execute, .status(429, retryAfter: "3600"), times: 1)
            let r = try await shell.nxsh(["-y", "-e", runOneDevice])
            #expect(r.status == 75, "\(r.stderr)")
            #expect(r.stderr.contains("rate limited"))
            #expect(shell.server.stats.executionCount == 0)
        }
    }

    @Test func transientServerErrorsOnAGetAreRetried() async throws {
        try await withShell { shell in
            shell.server.faults.inject(.list, .status(503), times: 2)
            let r = try await shell.nxsh(["-e", "print count(list windows)"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect((Int(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0)
            #expect(shell.server.stats.requests(for: .list) == 3)
        }
    }

    @Test func persistentServerErrorsOnAGetEndWithAClearError() async throws {
        try await withShell { shell in
            shell.server.faults.inject(.list, .status(503), times: 50)
            let r = try await shell.nxsh(["-e", "list windows"])
            #expect(r.status == 70, "\(r.stderr)")
            #expect(r.stderr.contains("server error (HTTP 503"))
            #expect(r.stderr.contains("-e:1:1"), "the message points at the command")
            #expect(shell.server.stats.requests(for: .list) == 4)
        }
    }

    @Test func serverErrorOnExecuteIsReportedAndNeverResent() async throws {
        try await withShell { shell in
            shell.server.faults.inject(.execute, .status(503), times: 1)
            let r = try await shell.nxsh(["-y", "-e", runOneDevice])
            #expect(r.status == 70, "\(r.stderr)")
            #expect(r.stderr.contains("outcome unknown"))
            #expect(r.stderr.contains("before running it again"))
            #expect(shell.server.stats.requests(for: .execute) == 1)
            #expect(shell.server.stats.executionCount == 0)
        }
    }

    @Test(arguments: [Fault.dropConnection, Fault.dropBeforeActing])
    func droppedExecuteIsReportedAndNeverResent(_ fault: Fault) async throws {
        try await withShell { shell in
            shell.server.faults.inject(.execute, fault, times: 1)
            let r = try await shell.nxsh(["-y", "-e", runOneDevice])
            #expect(r.status == 70, "\(r.stderr)")
            #expect(r.stderr.contains("outcome unknown"))
            #expect(shell.server.stats.requests(for: .execute) == 1)
            #expect(shell.server.stats.executionCount == (fault == .dropConnection ? 1 : 0))
        }
    }

    @Test func aDropInTheMiddleOfAFleetRunLeavesTheOtherBatchesAloneAndResendsNothing() async throws {
        try await withShell { shell in
            let ids = (0..<25_000).map { String(format: "3fa85f64-5717-4562-b3fc-%012x", $0) }
            let file = shell.home.appendingPathComponent("fleet.txt")
            try ids.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
            // The first execute goes through, the second is accepted and then the connection drops.
            shell.server.faults.inject(.execute, .delay(.zero), times: 1)
            shell.server.faults.inject(.execute, .dropConnection, times: 1)
            let r = try await shell.nxsh(["-y", "-e", "run #get_battery_status on read(\"\(file.path)\")"])
            #expect(r.status != 0, "\(r.stdout)")
            #expect(r.stderr.contains("outcome unknown"))
            #expect(shell.server.stats.requests(for: .execute) == 3, "three batches, each sent once")
            #expect(shell.server.stats.executionCount == 3)
            #expect(shell.server.stats.executedDevices == 25_000)
        }
    }

    @Test func refusedConnectionsEndAsUnreachable() async throws {
        try await withShell { shell in
            let closed = "http://127.0.0.1:1"
            let r = try await shell.nxsh(["-y", "-e", runOneDevice], environment: ["NEXTHINK_API_URL": closed])
            #expect(r.status == 69, "\(r.stderr)")
            #expect(r.stderr.contains("service unreachable"))
            #expect(shell.server.stats.executionCount == 0)
        }
    }
}
