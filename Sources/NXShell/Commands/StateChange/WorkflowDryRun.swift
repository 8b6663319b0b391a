import NXLanguage
import NexthinkClient

/// `run workflow` under `--dry-run` / `dryrun = true`: the batches and the exact body of the
/// first call on stderr, and a record describing them. Nothing is sent or logged.
struct WorkflowDryRun {
    let run: WorkflowRun
    let concurrency: Int

    var report: String {
        let targets = ShellMessages.targetCount(devices: run.deviceCount, users: run.userCount)
        var lines = [ShellMessages.workflowDryRunHead((run.workflow.id, run.workflow.name), targets: targets, batches: run.batches.count,
                                                 concurrency: concurrency)]
        if run.duplicatesDropped > 0 { lines.append("  \(run.duplicatesDropped) duplicate targets dropped") }
        lines += DryRun.batchLines(run.batches, noun: "targets")
        let first = run.batches.first?.items ?? []
        lines.append("  POST \(run.body(first).path), body of batch 1:")
        lines.append("  " + body(first))
        return lines.joined(separator: "\n")
    }

    /// The first `DryRun.devicesShown` devices and users of a batch, each list elided after them.
    func body(_ targets: [WorkflowTarget]) -> String {
        let devices = targets.filter(\.isDevice), users = targets.filter { !$0.isDevice }
        let shownDevices = Array(devices.prefix(DryRun.devicesShown)), shownUsers = Array(users.prefix(DryRun.devicesShown))
        let body = run.body(shownDevices + shownUsers)
        let text = DryRun.elided(try? body.encoded(), lastShown: shownDevices.last.map { json($0, body) },
                                 hidden: devices.count - shownDevices.count)
        return DryRun.elided(Array(text.utf8), lastShown: shownUsers.last.map { json($0, body) },
                             hidden: users.count - shownUsers.count)
    }

    /// A target as the body writes it: a quoted id (v1) or an object (v2).
    private func json(_ target: WorkflowTarget, _ body: WorkflowExecuteBody) -> String {
        let bytes: [UInt8]? = switch (target, body) {
        case (.device(let d), .v1): try? WireJSON.encode(d.collectorUid)
        case (.user(let u), .v1): try? WireJSON.encode(u.sid)
        case (.device(let d), .v2): try? WireJSON.encode(d)
        case (.user(let u), .v2): try? WireJSON.encode(u)
        }
        return bytes.map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    var record: Value {
        .record(Record([
            ("dryRun", .bool(true)),
            ("workflowId", .nqlID(run.workflow.id)),
            ("api", .string(run.externalIDs ? "v2" : "v1")),
            ("deviceCount", .int(run.deviceCount)),
            ("userCount", .int(run.userCount)),
            ("batches", .int(run.batches.count)),
            ("duplicatesDropped", .int(run.duplicatesDropped)),
            ("targetRanges", .list(run.batches.map { .string($0.range) })),
            ("params", .record(Record(run.params.keys.sorted().map { ($0, .string(run.params[$0] ?? "")) }))),
        ]))
    }
}
