/// The state of one device's execution at an emulated instant.
///
/// Timeline (emulated seconds after the execute call), for a known online device:
/// waiting_for_device for 10–59 s (pick-up), then in_progress for 5–30 s (capped by the
/// action's timeoutSeconds), then success — or failure when the seed marks the device
/// `failing` or the action has no script for its OS. Offline and unknown devices stay
/// waiting_for_device until `expiresInMinutes`, then are expired.
struct DeviceExecution {
    enum Status: String { case waitingForDevice = "waiting_for_device", inProgress = "in_progress", success, failure, expired }

    var status: Status
    var details: String
    /// Emulated time at which the current status began.
    var since: Double
    var outputs: [String: JSONValue]

    static func at(_ now: Double, record: ExecutionRecord, uid: String, catalogue: Catalogue) -> DeviceExecution {
        let expiry = record.createdAt + Double(record.expiresInMinutes) * 60
        guard let action = catalogue.action(id: record.actionID), let device = catalogue.device(uid: uid),
              device.online
        else {
            if now >= expiry {
                return .init(status: .expired, details: "The device did not connect within \(record.expiresInMinutes) minutes",
                             since: expiry, outputs: [:])
            }
            return .init(status: .waitingForDevice, details: "Waiting for the device to connect", since: record.createdAt, outputs: [:])
        }
        let h = StableHash.of(uid.lowercased(), record.actionID)
        let pickup = record.createdAt + 10 + Double(h % 50)
        let runtime = min(5 + Double((h >> 16) % 26), Double(max(1, action.scriptInfo.timeoutSeconds)))
        let done = pickup + runtime
        if now < pickup {
            return .init(status: .waitingForDevice, details: "Waiting for the device to pick up the execution",
                         since: record.createdAt, outputs: [:])
        }
        if now < done {
            return .init(status: .inProgress, details: "The script is running", since: pickup, outputs: [:])
        }
        return finished(action: action, device: device, hash: h, at: done, catalogue: catalogue)
    }

    private static func finished(action: RemoteAction, device: Device, hash: UInt64, at done: Double,
                                 catalogue: Catalogue) -> DeviceExecution {
        guard action.supports(device.os) else {
            return .init(status: .failure, details: "The remote action has no script for \(device.os.platform)",
                         since: done, outputs: [:])
        }
        if device.failing {
            return .init(status: .failure, details: "The script exited with code 1 on \(device.name)", since: done, outputs: [:])
        }
        let outputs = OutputSynthesizer.outputs(for: action, device: device, hash: hash, at: done,
                                                samples: catalogue.sampleOutputs[action.id] ?? [:])
        return .init(status: .success, details: "The script ran successfully", since: done, outputs: outputs)
    }
}
