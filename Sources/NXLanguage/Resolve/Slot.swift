/// Where the resolver placed a name, so the evaluator reads and writes it by index instead of
/// hashing the name in a chain of scopes (the model is starlark-go's `resolve`).
enum Slot: Sendable, Equatable {
    /// Not placed: a name in a pipeline stage that no scope declares, so only a field of the
    /// current element can give it a value; and every name before the resolver has run.
    case unresolved
    /// A top-level variable, in the interpreter's `Globals` (they outlive one run).
    case global(Int)
    /// A variable of an `if` or `for` block, in the evaluator's frame for one run.
    case local(Int)
}
