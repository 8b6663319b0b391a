#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NXLanguage
import NexthinkClient

/// API models → language values, keeping the API's field names and order so scripts can use
/// the documentation's vocabulary (`a.scriptInfo.inputs`, `a.targeting.apiEnabled`).
enum APIValues {
    static func action(_ a: RemoteAction) -> Value {
        .record(Record([
            ("id", .nqlID(NQLID.hashed(a.id))),
            ("uuid", .string(a.uuid)),
            ("name", .string(a.name)),
            ("description", .string(a.description)),
            ("origin", .string(a.origin)),
            ("builtInContentVersion", .string(a.builtInContentVersion)),
            ("purpose", .list(a.purpose.map { .string($0.rawValue) })),
            ("targeting", targeting(a.targeting)),
            ("scriptInfo", scriptInfo(a.scriptInfo)),
        ]))
    }

    static func targeting(_ t: Targeting) -> Value {
        .record(Record([
            ("apiEnabled", .bool(t.apiEnabled)),
            ("manualEnabled", .bool(t.manualEnabled)),
            ("workflowEnabled", .bool(t.workflowEnabled)),
            ("manualAllowMultipleDevices", .bool(t.manualAllowMultipleDevices)),
        ]))
    }

    static func scriptInfo(_ s: ScriptInfo) -> Value {
        var fields: [(String, Value)] = [("executionServiceDelegate", .string(s.executionServiceDelegate))]
        fields.append(("runAs", s.runAs.map { Value.string($0.rawValue) } ?? .null))
        fields.append(("timeoutSeconds", s.timeoutSeconds.map { Value.int($0) } ?? .null))
        fields.append(("hasScriptWindows", .bool(s.hasScriptWindows)))
        fields.append(("hasScriptMacOs", .bool(s.hasScriptMacOs)))
        fields.append(("inputs", .list(s.inputs.map(input))))
        fields.append(("outputs", .list(s.outputs.map(output))))
        return .record(Record(fields))
    }

    static func input(_ i: ScriptInput) -> Value {
        .record(Record([
            ("id", .string(i.id)), ("name", .string(i.name)), ("description", .string(i.description)),
            ("usedByWindows", .bool(i.usedByWindows)), ("usedByMacOs", .bool(i.usedByMacOs)),
            ("options", .list(i.options.map { .string($0) })), ("allowCustomValue", .bool(i.allowCustomValue)),
        ]))
    }

    static func output(_ o: ScriptOutput) -> Value {
        .record(Record([
            ("id", .string(o.id)), ("name", .string(o.name)), ("type", .string(o.type)),
            ("description", .string(o.description)),
            ("usedByWindows", .bool(o.usedByWindows)), ("usedByMacOs", .bool(o.usedByMacOs)),
        ]))
    }

    /// Whole seconds, clamped: a far-future expiry from the service must not trap.
    private static func seconds(_ interval: Double) -> Int {
        guard interval > 0 else { return 0 }
        return Int(exactly: interval.rounded()) ?? Int.max
    }

    /// The record holds the raw token so `token.access_token` works on purpose; every display
    /// path masks it (see `Masking`).
    static func token(_ t: TokenInfo, now: Date = Date()) -> Value {
        .record(Record([
            ("token_type", .string(t.tokenType)),
            ("scope", t.scope.map { Value.string($0) } ?? .null),
            ("expires_in", .int(seconds(t.expiresAt.timeIntervalSince(now)))),
            ("access_token", .string(t.accessToken.reveal())),
        ]))
    }

    /// NQL rows as records in the query's column order (columns the headers miss come last).
    static func rows(_ result: NQLResult) -> [Value] {
        result.data.map { row in
            let extra = row.keys.filter { !result.headers.contains($0) }.sorted()
            return .record(Record((result.headers + extra).map { ($0, json(row[$0] ?? .null)) }))
        }
    }

    static func json(_ j: JSONValue) -> Value {
        switch j {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let i): .int(i)
        case .double(let d): .double(d)
        case .string(let s): .string(s)
        case .array(let a): .list(a.map(json))
        // JSON objects are unordered; sorted keys keep tables and goldens stable.
        case .object(let o): .record(Record(o.keys.sorted().map { ($0, json(o[$0] ?? .null)) }))
        }
    }
}
