import Foundation
@testable import NexthinkClient
import NexthinkEmulator
import Testing

@Suite("Device deletions")
struct DeletionTests {
    static let laptop02 = try! DeviceToDelete.checked([("2bdb0941-2507-40de-854a-3efa1784b26b", "LAPTOP-02")])[0]
    static let unknown = try! DeviceToDelete.checked([("00000000-0000-4000-8000-000000000001", "GHOST")])[0]

    @Test func scheduledDevicesLeaveLaterQueries() async throws {
        try await withEmulator { server, client in
            let response = try await client.deleteDevices([Self.laptop02, Self.unknown])
            #expect(response.scheduledCount == 1)
            #expect(response.devices.map(\.status) == [.scheduled, .failed])
            let devices = try await client.executeNQL(queryID: "#devices")
            #expect(!devices.data.contains { $0["device.name"]?.stringValue == "LAPTOP-02" })
            #expect(server.deletedDevices == 1)
        }
    }

    @Test func malformedDevicesAreAllReportedWhenChecked() async throws {
        let raw = [(uid: "not-a-uuid", name: "X"), (Self.laptop02.uid.uuid, " "), (Self.laptop02.uid.uuid, "LAPTOP-02")]
        let error = try #require(await nexthinkError { try DeviceToDelete.checked(raw) })
        #expect(error.kind == .validation)
        #expect(error.problems.map(\.message) == ["uid 'not-a-uuid' is not a UUID",
            "device 2bdb0941-2507-40de-854a-3efa1784b26b has no name; the API needs uid and name",
            "device 2bdb0941-2507-40de-854a-3efa1784b26b appears twice"])
    }

    @Test func aCallOfRepeatedOrTooManyDevicesIsRefusedBeforeSending() async throws {
        try await withEmulator { server, client in
            let twice = try #require(await nexthinkError { try await client.deleteDevices([Self.laptop02, Self.laptop02]) })
            #expect(twice.problems.map(\.message) == ["device 2bdb0941-2507-40de-854a-3efa1784b26b appears twice"])
            let none = try #require(await nexthinkError { try await client.deleteDevices([]) })
            #expect(none.kind == .validation)
            #expect(server.stats.requests(for: .deviceDeletion) == 0)
        }
    }

    @Test func deletionIsNotRepeatedAfterAnUnknownOutcome() async throws {
        try await withEmulator { server, client in
            server.faults.inject(.deviceDeletion, .status(503))
            let error = try #require(await nexthinkError { try await client.deleteDevices([Self.laptop02]) })
            #expect(error.kind == .outcomeUnknown)
            server.faults.inject(.deviceDeletion, .dropConnection)
            let dropped = try #require(await nexthinkError { try await client.deleteDevices([Self.unknown]) })
            #expect(dropped.kind == .outcomeUnknown)
            #expect(server.stats.requests(for: .deviceDeletion) == 2)
        }
    }

    @Test func throttledDeletionIsRetriedBecauseNothingWasDone() async throws {
        try await withEmulator { server, client in
            server.faults.inject(.deviceDeletion, .status(429, retryAfter: "0"))
            let response = try await client.deleteDevices([Self.laptop02])
            #expect(response.scheduledCount == 1)
            #expect(server.stats.requests(for: .deviceDeletion) == 2)
        }
    }

    @Test func aBatchWithAnUnknownOutcomeIsNotSentAgain() async throws {
        try await withEmulator { server, client in
            server.faults.inject(.deviceDeletion, .status(503))
            let results = await BatchExecutor(deletionsWith: client).run(BatchPlanner.batches([Self.laptop02], size: 100))
            #expect(results[0].outcomeUnknown)
            #expect(results[0].attempts == 1)
            #expect(server.stats.requests(for: .deviceDeletion) == 1)
        }
    }

    @Test func longListsGoInBatchesOfAHundred() async throws {
        try await withEmulator { server, client in
            let devices = try DeviceToDelete.checked((1...150).map { i in
                ("00000000-0000-4000-8000-" + String(format: "%012d", i), "PC-\(i)")
            })
            let batches = BatchPlanner.batches(devices, size: DeletionLimits.devicesPerRequest)
            let results = await BatchExecutor(deletionsWith: client).run(batches)
            #expect(results.map(\.batch.items.count) == [100, 50])
            #expect(server.stats.requests(for: .deviceDeletion) == 2)
            guard case .accepted(let first) = results[0].outcome else { Issue.record("\(results[0].outcome)"); return }
            #expect(first.devices.allSatisfy { $0.status == .failed })
        }
    }
}
