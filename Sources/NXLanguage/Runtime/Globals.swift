/// The top-level variables of an interpreter, which outlive one run (each REPL entry, each
/// `-e`): the resolver gives a name its slot once, the evaluator reads and writes slots by index.
final class Globals {
    /// `_`, the last shown value, has a slot from the start: the resolver always knows it.
    static let lastShown = 0
    private var slots = ["_": lastShown]
    private var names = ["_"]
    /// `nil` until assigned: a later source's names (prepared, not yet run) or `_` before a value
    /// is shown. Unchecked for the reason given in `Frame`.
    @exclusivity(unchecked) var values: [Value?] = [nil]

    func slot(for name: String) -> Int {
        if let slot = slots[name] { return slot }
        slots[name] = names.count
        names.append(name)
        values.append(nil)
        return names.count - 1
    }

    subscript(name: String) -> Value? {
        get { slots[name].flatMap { values[$0] } }
        set { values[slot(for: name)] = newValue }
    }

    /// The names that hold a value, sorted.
    var assignedNames: [String] {
        names.indices.filter { values[$0] != nil }.map { names[$0] }.sorted()
    }
}
