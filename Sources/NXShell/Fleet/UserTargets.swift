import NXLanguage
import NexthinkClient

/// The users of a `run campaign`: SIDs as strings, or records that carry one (NQL rows with
/// `user.sid`, the `requests` of an earlier campaign run), trimmed, checked and de-duplicated.
/// Every invalid element is reported with its position (and its file line when the list came
/// from `read()`), and nothing is sent while any is invalid.
enum UserTargets {
    struct List: Sendable {
        var sids: [UserSID] = []
        var duplicatesDropped = 0
    }

    /// Invalid users listed one by one in an error; the rest are counted.
    static let listedProblems = 20

    static func collect(_ items: ValueList, spans: ClauseSpans?) throws -> List {
        var list = List()
        var seen = Set<UserSID>(minimumCapacity: items.count)
        var invalid: [(index: Int, problem: String)] = []
        for (index, item) in items.enumerated() {
            guard let text = sid(of: item) else {
                invalid.append((index, ShellMessages.notAUser(describe(item))))
                continue
            }
            let sid: UserSID
            do {
                sid = try UserSID(DeviceIDs.trimmed(text))
            } catch {
                invalid.append((index, error.problems.map(\.message).joined()))
                continue
            }
            if seen.insert(sid).inserted {
                list.sids.append(sid)
            } else {
                // Compared as written: SIDs have one spelling, and the service filters exact
                // duplicates out of its answer (Campaigns document, `TriggerSuccessResponse`).
                list.duplicatesDropped += 1
            }
        }
        guard let first = invalid.first else { return list }
        func place(_ index: Int) -> String { ShellMessages.devicePosition(index, items.place(at: index)) }
        var notes = invalid.prefix(listedProblems).map { "\(place($0.index)): \($0.problem)" }
        if invalid.count > listedProblems { notes.append(ShellMessages.moreInvalidUsers(invalid.count - listedProblems)) }
        throw HostError(ShellMessages.invalidUsers(invalid.count, of: items.count), notes: notes,
                        span: spans?.element(first.index), exitCode: ExitStatus.runtime)
    }

    private static func sid(of value: Value) -> String? {
        switch value {
        case .string(let s): return s
        case .record(let r):
            for key in ["user.sid", "userSid", "sid"] {
                if case .string(let s)? = r[key] { return s }
            }
            return nil
        default: return nil
        }
    }

    private static func describe(_ value: Value) -> String {
        if case .record = value { return ShellMessages.recordWithoutSID }
        return value.typeName
    }
}
