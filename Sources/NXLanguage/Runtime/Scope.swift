/// Lexical variables: the interpreter's globals persist across runs (REPL); `if`/`for` bodies
/// get a child scope, so `let` inside a block is local to it.
final class Scope {
    private(set) var values: [String: Value] = [:]
    let parent: Scope?

    init(parent: Scope?) {
        self.parent = parent
    }

    func lookup(_ name: String) -> Value? {
        var scope: Scope? = self
        while let current = scope {
            if let value = current.values[name] { return value }
            scope = current.parent
        }
        return nil
    }

    func declare(_ name: String, _ value: Value) {
        values[name] = value
    }

    /// Forgets every binding, keeping the storage for the next loop iteration.
    func reset() {
        values.removeAll(keepingCapacity: true)
    }

    /// Updates the nearest existing binding; false when the name was never declared.
    func assign(_ name: String, _ value: Value) -> Bool {
        var scope: Scope? = self
        while let current = scope {
            if current.values[name] != nil {
                current.values[name] = value
                return true
            }
            scope = current.parent
        }
        return false
    }

    /// Every visible name, for suggestions.
    var visibleNames: [String] {
        var names = Set<String>()
        var scope: Scope? = self
        while let current = scope {
            names.formUnion(current.values.keys)
            scope = current.parent
        }
        return names.sorted()
    }
}
