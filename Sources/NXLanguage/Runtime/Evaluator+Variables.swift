/// Variables by slot (see `Resolver`): top-level ones in the interpreter's `Globals`, those of
/// blocks in this run's `Frame`.
extension Evaluator {
    subscript(slot: Slot) -> Value? {
        switch slot {
        case .global(let index): globals.values[index]
        case .local(let index): locals[index]
        case .unresolved: nil
        }
    }

    /// `span` is only computed for the error: a name's span is lexed again (see `Name`).
    func bind(_ slot: Slot, _ value: Value, at span: @autoclosure () -> SourceSpan) throws {
        switch slot {
        case .global(let index):
            globals.values[index] = value
        case .local(let index):
            locals.bind(index, value)
        case .unresolved:
            // The resolver places every name a statement binds; a tree it has not seen cannot run.
            throw Interruption.error(Catalog.hostFailure(), at: span())
        }
    }

    /// `name = value`: only a name that holds a value can be assigned.
    func assign(_ name: Name, _ value: Value) throws {
        let slot = name.slot
        guard self[slot] != nil else {
            let (text, span) = name.written
            throw Interruption.error(Catalog.assignToUndeclared(text, suggestion: Suggestions.closest(to: text, in: visibleNames)),
                                     at: span)
        }
        try bind(slot, value, at: name.span)
    }

    /// A name read: in a pipeline stage `it` and the current element's fields come first. A
    /// name the resolver could not place is a global defined since (or a typo).
    func lookup(_ name: String, _ slot: Slot, at span: @autoclosure () -> SourceSpan) throws -> Value {
        if let element = elements.last {
            if name == "it" { return element }
            if case .record(let record) = element, let value = Fields.lookup(name, in: record) { return value }
        }
        if let value = self[slot] ?? (slot == .unresolved ? globals[name] : nil) { return value }
        var candidates = visibleNames + host.functionNames
        if case .record(let record)? = elements.last { candidates += record.keys + ["it"] }
        throw Interruption.error(Catalog.unknownVariable(name, suggestion: Suggestions.closest(to: name, in: candidates)),
                                 at: span())
    }

    /// Every name that holds a value here, sorted, for suggestions.
    var visibleNames: [String] {
        Set(globals.assignedNames + locals.boundNames).sorted()
    }
}
