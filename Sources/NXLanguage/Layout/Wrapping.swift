/// Map and list wrapping. A line longer than `width` columns has its longest list or map literal
/// of two or more elements written one element per line, one level deeper, each with a trailing comma, the closing
/// bracket back at the line's indentation. The rule applies again to each line this makes
/// (the opening part, every element, the closing part), so nested literals wrap only when they
/// are too long themselves. Wrapping depends only on the tree, which keeps `fmt` idempotent.
enum Wrapping {
    static let width = 100

    /// The lines of `text` (one statement, or a block header, printed on one line).
    static func lines(_ text: String, indent: String) -> [String] {
        guard columns(indent + text) > width else { return [indent + text] }
        return layout(text, LiteralSpan.outermost(in: text), indent: indent)
    }

    /// Statement headers such as `if CONDITION {`: only the expression is parsed again.
    static func lines(lead: String, _ expression: String, trail: String, indent: String) -> [String] {
        guard columns(indent + lead + expression + trail) > width else { return [indent + lead + expression + trail] }
        let literals = LiteralSpan.outermost(in: expression).map { $0.shifted(by: lead.utf8.count) }
        return layout(lead + expression + trail, literals, indent: indent)
    }

    private static func layout(_ text: String, _ literals: [LiteralSpan], indent: String) -> [String] {
        let bytes = Array(text.utf8)
        return Piece(bytes: bytes).lines(0..<bytes.count, literals, indent: indent, suffix: "")
    }

    static func columns(_ line: String) -> Int { line.count }

    private struct Piece {
        let bytes: [UInt8]

        func lines(_ range: Range<Int>, _ literals: [LiteralSpan], indent: String, suffix: String) -> [String] {
            let line = indent + String(decoding: bytes[range], as: UTF8.self) + suffix
            let candidates = literals.filter { $0.elements.count > 1 }
            guard Wrapping.columns(line) > Wrapping.width,
                  let widest = candidates.max(by: { $0.width < $1.width || ($0.width == $1.width && $0.range.lowerBound > $1.range.lowerBound) })
            else { return [line] }
            let before = literals.filter { $0.range.upperBound <= widest.range.lowerBound }
            let after = literals.filter { $0.range.lowerBound >= widest.range.upperBound }
            var result = lines(range.lowerBound..<widest.range.lowerBound + 1, before, indent: indent, suffix: "")
            for element in widest.elements {
                result += lines(element.range, element.literals, indent: indent + "    ", suffix: ",")
            }
            return result + lines(widest.range.upperBound - 1..<range.upperBound, after, indent: indent, suffix: suffix)
        }
    }
}

extension LiteralSpan {
    func shifted(by offset: Int) -> LiteralSpan {
        LiteralSpan(range: range.lowerBound + offset..<range.upperBound + offset,
                    elements: elements.map { Element(range: $0.range.lowerBound + offset..<$0.range.upperBound + offset,
                                                     literals: $0.literals.map { $0.shifted(by: offset) }) })
    }
}
