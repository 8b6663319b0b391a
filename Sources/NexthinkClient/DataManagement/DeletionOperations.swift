#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The outcome of one batch of a device deletion.
public typealias DeletionBatchResult = BatchResult<DeviceToDelete, DeviceDeletionResponse>

extension NexthinkClient {
    static let deletionPath = "/api/v1/data-management/device/deletions"
    static let deletionOutcomeHint = "query the devices to see which are still present before deleting again"

    /// Schedules the deletion of at most 100 devices (`POST /api/v1/data-management/device/deletions`).
    /// Irreversible, so never repeated unless the service provably did not act (429, 401
    /// before re-authentication, connection refused), like a remote action execute.
    public func deleteDevices(_ devices: [DeviceToDelete]) async throws -> DeviceDeletionResponse {
        let problems = devices.deletionProblems()
        if !problems.isEmpty { throw NexthinkError.validation(problems) }
        let body = try WireJSON.encode(DeviceDeletionRequest(devices: devices))
        var context = ErrorContext(subject: "deletion of \(devices.count) devices")
        context.outcomeHint = Self.deletionOutcomeHint
        let response = try await call("POST", Self.deletionPath, .acting, context, body: body)
        do {
            return try JSONDecoder().decode(DeviceDeletionResponse.self, from: Data(response.body))
        } catch {
            throw NexthinkError(kind: .outcomeUnknown, status: response.status,
                                message: "the service accepted the deletion of \(devices.count) devices but its answer has no status per device",
                                method: "POST", path: Self.deletionPath, hint: Self.deletionOutcomeHint)
        }
    }
}

extension BatchExecutor where Item == DeviceToDelete, Response == DeviceDeletionResponse {
    /// Deletions in batches of at most 100 (`BatchPlanner.batches(devices, size:
    /// DeletionLimits.devicesPerRequest)`). Never sent twice: a batch with an unknown
    /// outcome is reported as such, and the other batches still go out since each names
    /// other devices.
    public init(deletionsWith client: NexthinkClient, concurrency: Int = 4) {
        self.init(concurrency: concurrency, path: NexthinkClient.deletionPath,
                  unknownOutcomeHint: NexthinkClient.deletionOutcomeHint) { batch in
            try await client.deleteDevices(batch.items)
        }
    }
}
