/// Stable sorting by one or more keys. Nulls (and missing fields) sort first; keys of one
/// column must be mutually comparable (all numbers, all text, all durations or all bools).
/// Both give the positions of the elements in sorted order, so the list keeps their places.
enum Sorting {
    /// `keys` holds one row of keys per element.
    static func order(keys: [[Value]], descending: [Bool]) throws(Message) -> [Int] {
        for column in descending.indices { try checkOrderable(keys.lazy.map { $0[column] }) }
        return keys.indices.sorted { a, b in
            for column in descending.indices {
                let result = compare(keys[a][column], keys[b][column])
                if result != 0 { return descending[column] ? result > 0 : result < 0 }
            }
            return a < b
        }
    }

    /// `sort(list)`: the values are their own keys, so none is wrapped in a key row.
    static func order(of items: ValueList) throws(Message) -> [Int] {
        try checkOrderable(items)
        return items.indices.sorted { a, b in
            let result = compare(items[a], items[b])
            return result != 0 ? result < 0 : a < b
        }
    }

    /// Nulls sort first; every other key must be orderable and of one kind.
    private static func checkOrderable(_ keys: some Sequence<Value>) throws(Message) {
        var seen: Value?
        for key in keys {
            if key == .null { continue }
            guard let orderClass = key.orderClass else { throw Catalog.cannotSort(key.typeName) }
            if let first = seen, first.orderClass != orderClass { throw Catalog.sortMixed(first.typeName, key.typeName) }
            seen = seen ?? key
        }
    }

    private static func compare(_ a: Value, _ b: Value) -> Int {
        switch (a, b) {
        case (.null, .null): 0
        case (.null, _): -1
        case (_, .null): 1
        default: a.compare(to: b) ?? 0
        }
    }
}
