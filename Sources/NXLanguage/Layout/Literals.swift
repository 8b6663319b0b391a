/// A list or map literal in a statement printed on one line: its byte range, the range of each
/// element (a list item, or a map entry from key to value) and the literals nested in each.
struct LiteralSpan {
    var range: Range<Int>
    var elements: [Element]

    struct Element {
        var range: Range<Int>
        var literals: [LiteralSpan]
    }

    var width: Int { range.count }

    /// The outermost literals of a one-line text, found by parsing it again: spans then point
    /// into exactly the text that is laid out. Strings (even interpolated) are never entered.
    static func outermost(in text: String) -> [LiteralSpan] {
        let file = SourceFile(name: "", text: text)
        let (statements, diagnostics) = Parser.parse(file)
        guard diagnostics.isEmpty, statements.count == 1 else { return [] }
        return file.withBytes { bytes in children(of: statements[0]).flatMap { find($0, in: bytes) } }
    }

    private static func children(of statement: Stmt) -> [Expr] {
        switch statement.kind {
        case .declare(_, let value), .assign(_, let value), .expression(let value): [value]
        case .print(let arguments): arguments
        case .assert(let condition, let message): [condition] + (message.map { [$0] } ?? [])
        case .exit(let status): status.map { [$0] } ?? []
        case .ifElse, .forIn: []
        }
    }

    private static func find(_ expr: Expr, in bytes: UnsafeBufferPointer<UInt8>) -> [LiteralSpan] {
        switch expr.kind {
        case .list(let items):
            return literal(expr.span, starts: items.map(\.span.start), values: items, bytes)
        case .map(let entries):
            return literal(expr.span, starts: entries.map(\.keySpan.start), values: entries.map(\.value), bytes)
        default:
            return children(of: expr).flatMap { find($0, in: bytes) }
        }
    }

    /// Elements end two bytes (", ") before the next one starts; the last ends before the closer.
    /// Anything else means the text is not in the printer's form, and the literal stays as is.
    private static func literal(_ span: SourceSpan, starts: [Int], values: [Expr], _ bytes: UnsafeBufferPointer<UInt8>) -> [LiteralSpan] {
        let ends = starts.dropFirst().map { $0 - 2 } + [span.end - 1]
        let separated = starts.dropFirst().allSatisfy { bytes[$0 - 2] == UInt8(ascii: ",") && bytes[$0 - 1] == UInt8(ascii: " ") }
        guard !starts.isEmpty, separated, starts[0] == span.start + 1 else {
            return values.flatMap { find($0, in: bytes) }
        }
        let elements = zip(zip(starts, ends), values).map { bounds, value in
            Element(range: bounds.0..<bounds.1, literals: find(value, in: bytes))
        }
        return [LiteralSpan(range: span.start..<span.end, elements: elements)]
    }

    private static func children(of expr: Expr) -> [Expr] {
        switch expr.kind {
        case .literal, .variable, .interpolated, .list, .map: []
        case .unary(_, let operand): [operand]
        case .binary(_, let left, let right): [left, right]
        case .field(let base, _): [base]
        case .index(let base, let key): [base, key]
        case .call(_, let arguments): arguments
        case .command(let call): (call.operand.map { [$0] } ?? []) + call.clauses.map(\.value)
        case .pipeline(let source, let stages): [source] + stages.compactMap(stageExpr)
        }
    }

    private static func stageExpr(_ stage: Stage) -> Expr? {
        switch stage.kind {
        case .filter(let condition): condition
        case .first(let count), .last(let count): count
        case .select, .sort, .count, .pluck: nil
        }
    }
}
