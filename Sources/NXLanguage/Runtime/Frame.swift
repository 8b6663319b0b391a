/// The variables of a run's `if` and `for` blocks, by local slot (`Resolver.localNames`). A slot
/// holds `nil` while the block that declares it is not running, as if each block had a scope.
final class Frame {
    let names: [String]
    // Unchecked: the dynamic exclusivity check of each access cost about 100 instructions, a
    // fifth of a tight loop, and no access here can overlap another (nothing is called during one).
    @exclusivity(unchecked) private var values: [Value?]
    /// The slots that hold a value, innermost block last: leaving a block empties its own.
    @exclusivity(unchecked) private var bound: [Int] = []

    init(names: [String]) {
        self.names = names
        values = Array(repeating: nil, count: names.count)
        bound.reserveCapacity(names.count)
    }

    subscript(slot: Int) -> Value? { values[slot] }

    func bind(_ slot: Int, _ value: Value) {
        if values[slot] == nil { bound.append(slot) }
        values[slot] = value
    }

    /// Where the innermost block starts, for `unbind(to:)`.
    var mark: Int { bound.count }

    /// Empties the slots bound since `mark`, on leaving a block or starting an iteration.
    func unbind(to mark: Int) {
        while bound.count > mark { values[bound.removeLast()] = nil }
    }

    /// The names that hold a value.
    var boundNames: [String] { bound.map { names[$0] } }
}
