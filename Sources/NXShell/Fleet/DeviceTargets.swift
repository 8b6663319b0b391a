import NXLanguage
import NexthinkClient

/// The devices of a `run`: any number of collector UUIDs (literals, strings, NQL rows with
/// `device.collector.uid`), trimmed, checked and de-duplicated. Every invalid element is
/// reported with its position (and its file line when the list came from `read()`), and
/// nothing is sent while any is invalid.
enum DeviceTargets {
    static func collect(_ items: ValueList, spans: ClauseSpans?) throws -> DeviceIDList {
        let list = DeviceIDs.normalize(items.map(uid(of:)))
        guard !list.invalid.isEmpty else { return list }
        // The evaluator gives one span per element: the element's own in a literal list,
        // the whole expression's otherwise.
        let span = spans?.element(list.invalid[0].index)
        throw error(list.invalid, items: items, span: span)
    }

    private static func uid(of value: Value) -> String? {
        switch value {
        case .uuid(let s), .string(let s): return s
        case .record(let r):
            for key in ["device.collector.uid", "uid", "collector_uid"] {
                if case .string(let s)? = r[key] { return s }
            }
            return nil
        default: return nil
        }
    }

    private static func error(_ invalid: [InvalidDeviceID], items: ValueList, span: SourceSpan?) -> HostError {
        func place(_ bad: InvalidDeviceID) -> String { ShellMessages.devicePosition(bad.index, items.place(at: bad.index)) }
        let first = invalid[0]
        let example = ShellMessages.deviceExample
        if invalid.count == 1 {
            return HostError(ShellMessages.invalidDeviceID(describe(first, items), place(first)),
                             notes: [example], span: span, exitCode: ExitStatus.runtime)
        }
        let notes = invalid.map { ShellMessages.invalidDeviceEntry(place($0), describe($0, items)) } + [example]
        return HostError(ShellMessages.invalidDeviceIDs(invalid.count, of: items.count),
                         notes: notes, span: span, exitCode: ExitStatus.runtime)
    }

    private static func describe(_ bad: InvalidDeviceID, _ items: ValueList) -> String {
        if let value = bad.value { return ShellMessages.deviceText(value) }
        switch items[bad.index] {
        case .record: return ShellMessages.deviceRecord
        case .list: return ShellMessages.deviceNestedList
        case let other: return ShellMessages.deviceOfType(other.typeName)
        }
    }
}
