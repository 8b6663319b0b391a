#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Turns the devices and users of an execute call into executions: one per distinct target,
/// each paired with the other half when the tenant knows it (a device's user, a user's device).
///
/// Identifiers are matched in the order collectorUid, uid, name (devices) and sid, upn, uid
/// (users). The seed has one UUID per device, so a device's `uid` and `collectorUid` are the
/// same value. A target that matches nothing still gets an execution, which waits and expires,
/// as a well-formed but unknown Collector UUID does with remote actions.
struct WorkflowTargets {
    let state: EmulatorState

    func executions(_ request: WorkflowRequest, dependency: Workflow.Dependency) -> [WorkflowExecution] {
        if dependency == .none {
            return [WorkflowExecution(executionID: Self.newID(), deviceUID: nil, deviceName: nil, userSID: nil, inCloud: true)]
        }
        var seen = Set<String>()
        var out: [WorkflowExecution] = []
        let targets = dedupe(request.devices).map(device) + dedupe(request.users).map(user)
        for t in targets {
            // Targets that matched nothing have no identity to share: each keeps its execution.
            let unmatched = t.deviceUID == nil && t.deviceName == nil && t.userSID == nil
            let key = unmatched ? t.executionID : "\(t.deviceUID?.lowercased() ?? t.deviceName ?? "-")|\(t.userSID ?? "-")"
            if seen.insert(key).inserted { out.append(t) }
        }
        return out
    }

    private func dedupe<T: Hashable>(_ items: [T]) -> [T] {
        var seen = Set<T>()
        return items.filter { seen.insert($0).inserted }
    }

    private func device(_ ref: WorkflowRequest.DeviceRef) -> WorkflowExecution {
        let c = state.catalogue
        let found = ref.collectorUid.flatMap(c.device(uid:)) ?? ref.uid.flatMap(c.device(uid:))
            ?? ref.name.flatMap { name in c.devices.first { $0.name.lowercased() == name.lowercased() } }
        guard let found else {
            return WorkflowExecution(executionID: Self.newID(), deviceUID: ref.collectorUid ?? ref.uid, deviceName: ref.name, userSID: nil)
        }
        return WorkflowExecution(executionID: Self.newID(), deviceUID: found.uid, deviceName: found.name,
                                 userSID: state.automation.user(onDevice: found.uid)?.sid)
    }

    private func user(_ ref: WorkflowRequest.UserRef) -> WorkflowExecution {
        let a = state.automation
        guard let found = ref.sid.flatMap(a.user(sid:)) ?? ref.upn.flatMap(a.user(upn:)) ?? ref.uid.flatMap(a.user(uid:)) else {
            return WorkflowExecution(executionID: Self.newID(), deviceUID: nil, deviceName: nil, userSID: ref.sid)
        }
        return WorkflowExecution(executionID: Self.newID(), deviceUID: found.device,
                                 deviceName: found.device.flatMap { state.catalogue.device(uid: $0)?.name }, userSID: found.sid)
    }

    static func newID() -> String { UUID().uuidString.lowercased() }
}
