import NXLanguage
import NexthinkClient

/// Workflows and campaigns → language values, with the API's field names (as `APIValues` does
/// for remote actions). Trigger methods are listed in the API's order, not the set's.
enum WorkflowValues {
    /// A row of `list workflows`: what people scan.
    static func summary(_ w: Workflow) -> Value {
        .record(Record([
            ("id", .nqlID(NQLID.hashed(w.id))),
            ("name", .string(w.name)),
            ("status", .string(w.status.rawValue)),
            ("dependency", w.dependency.map { .string($0.rawValue) } ?? .null),
            ("triggerMethods", triggerMethods(w.triggerMethods)),
        ]))
    }

    /// `get workflow`: everything the service said.
    static func details(_ w: Workflow) -> Value {
        .record(Record([
            ("id", .nqlID(NQLID.hashed(w.id))),
            ("uuid", .string(w.uuid)),
            ("name", .string(w.name)),
            ("description", .string(w.description)),
            ("status", .string(w.status.rawValue)),
            ("lastUpdateTime", .string(w.lastUpdateTime)),
            ("dependency", w.dependency.map { .string($0.rawValue) } ?? .null),
            ("triggerMethods", triggerMethods(w.triggerMethods)),
            ("versions", .list(w.versions.map(version))),
        ]))
    }

    static func version(_ v: WorkflowVersion) -> Value {
        .record(Record([
            ("versionNumber", v.versionNumber.map { .int($0) } ?? .null),
            ("isActive", v.isActive.map { .bool($0) } ?? .null),
            ("dependency", v.dependency.map { .string($0.rawValue) } ?? .null),
            ("parameters", v.parameters.map { .list($0.map { .string($0) }) } ?? .null),
        ]))
    }

    static func campaign(_ c: CampaignInfo) -> Value {
        .record(Record([
            ("id", .nqlID(NQLID.hashed(c.id))),
            ("name", .string(c.name)),
            ("status", .string(c.status)),
            ("triggerMethod", .string(c.triggerMethod)),
            ("parameters", c.parameters.map { .list($0.map { .string($0) }) } ?? .null),
        ]))
    }

    private static func triggerMethods(_ methods: Set<WorkflowTriggerMethod>) -> Value {
        let known = WorkflowTriggerMethod.known.filter(methods.contains)
        let others = methods.subtracting(known).map(\.rawValue).sorted()
        return .list((known.map(\.rawValue) + others).map { .string($0) })
    }
}
