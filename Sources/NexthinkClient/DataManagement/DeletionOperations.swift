#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The outcome of one batch of a device deletion.
public struct DeletionBatchResult: Sendable {
    public enum Outcome: Sendable {
        case accepted(DeviceDeletionResponse)
        /// `kind == .outcomeUnknown`: the devices may or may not be scheduled.
        case failed(NexthinkError)
        case notSent(reason: String)
    }

    public var index: Int
    public var devices: [DeviceToDelete]
    public var outcome: Outcome
}

extension NexthinkClient {
    /// Schedules the deletion of at most 100 devices (`POST /api/v1/data-management/device/deletions`).
    /// Irreversible, so never repeated unless the service provably did not act (429, 401
    /// before re-authentication, connection refused), like a remote action execute.
    public func deleteDevices(_ devices: [DeviceToDelete]) async throws -> DeviceDeletionResponse {
        let problems = devices.deletionProblems()
        if !problems.isEmpty { throw NexthinkError.validation(problems) }
        struct Body: Encodable { var devices: [DeviceToDelete] }
        let body = try WireJSON.encode(Body(devices: devices))
        let context = ErrorContext(subject: "deletion of \(devices.count) devices")
        let response = try await call("POST", "/api/v1/data-management/device/deletions", .acting, context, body: body)
        do {
            return try JSONDecoder().decode(DeviceDeletionResponse.self, from: Data(response.body))
        } catch {
            throw NexthinkError(kind: .outcomeUnknown, status: response.status,
                                message: "the service accepted the deletion of \(devices.count) devices but its answer has no status per device",
                                method: "POST", path: "/api/v1/data-management/device/deletions",
                                hint: "query the devices to see which are still present before deleting again")
        }
    }

    /// Deletes `devices` in batches of at most 100, one after the other. `willSend` runs
    /// before each batch (the audit intent); if it throws, that batch and the rest are not
    /// sent. After a failure that would repeat (credentials, permission, invalid request,
    /// throttled) the rest are not sent; after an unknown outcome they still are, since each
    /// batch names other devices.
    public func deleteDevices(all devices: [DeviceToDelete], batchSize: Int = DeletionLimits.devicesPerRequest,
                              willSend: @Sendable (Int, [DeviceToDelete]) async throws -> Void = { _, _ in })
        async -> [DeletionBatchResult] {
        var results: [DeletionBatchResult] = []
        var stop: String?
        let size = min(max(1, batchSize), DeletionLimits.devicesPerRequest)
        for (number, range) in BatchPlanner.slices(count: devices.count, size: size).enumerated() {
            let batch = Array(devices[range])
            var result = DeletionBatchResult(index: number + 1, devices: batch, outcome: .notSent(reason: stop ?? ""))
            if stop == nil {
                do {
                    try await willSend(result.index, batch)
                    do {
                        result.outcome = .accepted(try await deleteDevices(batch))
                    } catch let e as NexthinkError {
                        result.outcome = .failed(e)
                        if ![.outcomeUnknown, .server, .timeout, .decoding].contains(e.kind) {
                            stop = "not sent: batch \(result.index) failed (\(e.kind.label)) and the others would too"
                        }
                    } catch {
                        // Cancelled while the POST may have been on the wire.
                        result.outcome = .failed(NexthinkError(
                            kind: .outcomeUnknown, message: "batch \(result.index) was interrupted while being sent (\(error))",
                            hint: "query the devices to see which are still present before deleting again"))
                        stop = "not sent: interrupted"
                    }
                } catch {
                    result.outcome = .notSent(reason: "\(error)")
                    stop = "not sent: batch \(result.index) could not start (\(error))"
                }
            }
            results.append(result)
        }
        return results
    }
}
