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
    let concurrency: Int

    /// Bodies with more devices than this show the first few and a count, not 10,000 ids.
    static let devicesShown = 20

    var report: String {
        let count = plan.deviceCount, n = plan.batches.count
        var lines = [ShellMessages.dryRunHead(plan.action.id, plan.action.name, devices: count, batches: n, concurrency: concurrency)]
        if plan.duplicatesDropped > 0 { lines.append(ShellMessages.dryRunDuplicates(plan.duplicatesDropped)) }
        lines += Self.batchLines(plan.batches, noun: "devices")
        for key in plan.template.params.keys.sorted() { lines.append(ShellMessages.dryRunParam(key, plan.template.params[key] ?? "")) }
        if let first = plan.batches.first {
            lines.append(ShellMessages.dryRunBody("POST /api/v1/act/execute"))
            lines.append("  " + Self.body(plan.template, devices: first.devices))
        }
        return lines.joined(separator: "\n")
    }

    /// The JSON body exactly as the client sends it (`WireJSON`); long device lists elided.
    static func body(_ template: ExecutionRequest, devices: [CollectorID]) -> String {
        var request = template
        request.devices = Array(devices.prefix(devicesShown))
        return elided(try? WireJSON.encode(request), lastShown: request.devices.last.map { "\"\($0)\"" },
                      hidden: devices.count - request.devices.count)
    }

    /// One line per batch: `batch 2: devices 10001-20000 (10000)`. Shared by every state change.
    static func batchLines<Item>(_ batches: [Batch<Item>], noun: String) -> [String] {
        batches.map { ShellMessages.dryRunBatch($0.index, noun, range: $0.range, count: $0.items.count) }
    }

    /// The body of a batch exactly as it is sent, `wrap` putting the list into it, with only the
    /// first `devicesShown` items of the list (enrichments, devices to delete).
    static func body<Item: Encodable, Body: Encodable>(_ items: [Item], wrap: ([Item]) -> Body) -> String {
        let shown = Array(items.prefix(devicesShown))
        let last = shown.last.flatMap { try? WireJSON.encode($0) }.map { String(decoding: $0, as: UTF8.self) }
        return elided(try? WireJSON.encode(wrap(shown)), lastShown: last, hidden: items.count - shown.count)
    }

    /// A body encoded with only the first `devicesShown` items of its list, the rest counted
    /// after the last one shown (`lastShown`, as it is written in the JSON). Shared by every
    /// state change, so each prints exactly the bytes it would send, minus the elided items.
    static func elided(_ body: [UInt8]?, lastShown: String?, hidden: Int) -> String {
        guard let body else { return ShellMessages.unencodableRequest }
        var text = String(decoding: body, as: UTF8.self)
        if hidden > 0, let last = lastShown, let range = text.ranges(of: last + "]").last {
            text.replaceSubrange(range, with: ShellMessages.elidedItems(last, hidden: hidden))
        }
        return text
    }

    var record: Value {
        let t = plan.template
        return .record(Record([
            ("dryRun", .bool(true)),
            ("remoteActionId", .nqlID(t.remoteActionId.text)),
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
