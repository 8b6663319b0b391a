extension ExprKind {
    /// Whether evaluation needs no host call: built-in calls are synchronous, commands and host
    /// functions are not, and pipelines and interpolation keep to the general path. Computed
    /// from the children's flags, so each node costs O(1) at parse time.
    var isSynchronous: Bool {
        switch self {
        case .literal, .variable: true
        case .interpolated, .command, .pipeline: false
        case .list(let elements): elements.allSatisfy(\.isSynchronous)
        case .map(let entries): entries.allSatisfy(\.value.isSynchronous)
        case .unary(_, let operand): operand.isSynchronous
        case .binary(_, let left, let right): left.isSynchronous && right.isSynchronous
        case .field(let base, _): base.isSynchronous
        case .index(let base, let key): base.isSynchronous && key.isSynchronous
        case .call(let name, let arguments): Builtins.function(named: name) != nil && arguments.allSatisfy(\.isSynchronous)
        }
    }
}
