extension Evaluator {
    nonisolated(nonsending) func runPipeline(_ source: Expr, _ stages: [Stage]) async throws -> Value {
        var value = try await evaluate(source)
        for stage in stages {
            try checkCancelled()
            value = try await apply(stage, to: value)
        }
        return value
    }

    nonisolated(nonsending) private func apply(_ stage: Stage, to input: Value) async throws -> Value {
        guard case .list(let items) = input else {
            throw Interruption.error(Catalog.stageNeedsList(stage.name, got: input.typeName), at: stage.span)
        }
        switch stage.kind {
        case .filter(let condition):
            var kept: [Value] = []
            // Positions only when there are places to keep: a list of no file costs nothing more.
            var positions: [Int] = []
            let tracksPlaces = items.origin != nil
            for (position, item) in items.enumerated() {
                try checkCancelled()
                elements.append(item)
                defer { elements.removeLast() }
                let keep = condition.isSynchronous
                    ? try truth(evaluateNow(condition), Evaluator.whereCondition, at: condition.span)
                    : try await self.condition(condition, Evaluator.whereCondition)
                if keep {
                    kept.append(item)
                    if tracksPlaces { positions.append(position) }
                }
            }
            return .list(ValueList(kept, origin: items.origin?.picking(positions)))
        case .select(let paths):
            for path in paths { try requireField(path, in: items) }
            return .list(items.replacing(items.map { item in
                .record(Record(paths.map { ($0.text, Fields.resolve($0, in: item) ?? .null) }))
            }))
        case .sort(let sortKeys):
            for key in sortKeys { try requireField(key.path, in: items) }
            let keys = items.map { item in sortKeys.map { Fields.resolve($0.path, in: item) ?? .null } }
            return .list(items.picking(try at(stage.span, try Sorting.order(keys: keys, descending: sortKeys.map(\.descending)))))
        case .first(let count):
            let kept = min(try await stageCount(count, stage), items.count)
            return .list(items.slice(0..<kept))
        case .last(let count):
            let kept = min(try await stageCount(count, stage), items.count)
            return .list(items.slice(items.count - kept..<items.count))
        case .count:
            return .int(items.count)
        case .pluck(let path):
            try requireField(path, in: items)
            return .list(items.replacing(items.map { Fields.resolve(path, in: $0) ?? .null }))
        }
    }

    /// A field missing from some rows reads as null; missing from every row it is a typo.
    private func requireField(_ path: FieldPath, in items: ValueList) throws {
        guard !items.isEmpty, !items.contains(where: { Fields.resolve(path, in: $0) != nil }) else { return }
        var available: [String] = []
        var seen = Set<String>()
        for case .record(let record) in items {
            for key in record.keys where seen.insert(key).inserted { available.append(key) }
        }
        if available.isEmpty, let item = items.first {
            throw Interruption.error(Catalog.expectedType("the input of this stage", expected: "a list of records",
                                                          got: "a list of \(item.typeName)"), at: path.span)
        }
        throw Interruption.error(Catalog.fieldInNoRow(path.text, available: available,
                                                      suggestion: Suggestions.closest(to: path.text, in: available)), at: path.span)
    }

    nonisolated(nonsending) private func stageCount(_ expr: Expr?, _ stage: Stage) async throws -> Int {
        guard let expr else { return 1 }
        let value = try await evaluate(expr)
        guard case .int(let count) = value else {
            throw Interruption.error(Catalog.expectedType("the count of '\(stage.name)'", expected: "an int", got: value.typeName),
                                     at: expr.span)
        }
        guard count >= 0 else { throw Interruption.error(Catalog.negativeCount(stage.name, count), at: expr.span) }
        return count
    }
}

extension Stage {
    var name: String {
        switch kind {
        case .filter: "where"
        case .select: "select"
        case .sort: "sort"
        case .first: "first"
        case .last: "last"
        case .count: "count"
        case .pluck: "pluck"
        }
    }
}
