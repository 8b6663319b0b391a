#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NXLanguage
import NexthinkClient

/// `--dry-run` / `dryrun = true`: what `run` would send, printed on stderr, and a record
/// describing it. Nothing is sent and nothing is written to the audit log.
struct DryRun {
    let plan: FleetPlan
    let action: RemoteAction
    let concurrency: Int

    /// Bodies with more devices than this show the first few and a count, not 10,000 ids.
    static let devicesShown = 20

    var report: String {
        let count = plan.deviceCount, n = plan.batches.count
        var lines = ["dry run: would run \(action.id) (\(action.name)) on \(count) device\(count == 1 ? "" : "s") in \(n) batch\(n == 1 ? "" : "es") (up to \(concurrency) at a time); nothing was sent"]
        if plan.duplicatesDropped > 0 { lines.append("  \(plan.duplicatesDropped) duplicate device ids dropped") }
        for batch in plan.batches {
            lines.append("  batch \(batch.index): devices \(batch.deviceRange) (\(batch.devices.count))")
        }
        for key in plan.template.params.keys.sorted() { lines.append("  param \(key) = \(plan.template.params[key] ?? "")") }
        if let first = plan.batches.first {
            lines.append("  POST /api/v1/act/execute, body of batch 1:")
            lines.append("  " + Self.body(plan.template, devices: first.devices))
        }
        return lines.joined(separator: "\n")
    }

    /// The JSON body exactly as the client sends it (`WireJSON`); long device lists elided.
    static func body(_ template: ExecutionRequest, devices: [String]) -> String {
        var request = template
        request.devices = Array(devices.prefix(devicesShown))
        guard let data = try? WireJSON.encode(request) else { return "(cannot encode the request)" }
        var text = String(decoding: data, as: UTF8.self)
        let hidden = devices.count - request.devices.count
        if hidden > 0, let last = request.devices.last, let range = text.firstRange(of: "\"\(last)\"]") {
            text.replaceSubrange(range, with: "\"\(last)\", ... \(hidden) more]")
        }
        return text
    }

    var record: Value {
        let t = plan.template
        return .record(Record([
            ("dryRun", .bool(true)),
            ("remoteActionId", .nqlID(t.remoteActionId)),
            ("deviceCount", .int(plan.deviceCount)),
            ("batches", .int(plan.batches.count)),
            ("duplicatesDropped", .int(plan.duplicatesDropped)),
            ("deviceRanges", .list(plan.batches.map { .string($0.deviceRange) })),
            ("params", .record(Record(t.params.keys.sorted().map { ($0, .string(t.params[$0] ?? "")) }))),
            ("expiresInMinutes", .int(t.expiresInMinutes ?? 60)),
            ("triggerInfo", .record(Record([
                ("externalSource", t.triggerInfo?.externalSource.map { Value.string($0) } ?? .null),
                ("reason", t.triggerInfo?.reason.map { Value.string($0) } ?? .null),
                ("externalReference", t.triggerInfo?.externalReference.map { Value.string($0) } ?? .null),
            ]))),
        ]))
    }
}
