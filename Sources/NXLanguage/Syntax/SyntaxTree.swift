/// Index of a node in its `SyntaxTree`.
struct NodeID: Sendable, Hashable {
    let index: UInt32
}

/// The expressions of one parse, as plain nodes of 8 to 16 bytes in one array: no allocation
/// and no reference counting per node. A literal keeps its value in the node (numbers, durations) or
/// is read back from the source (names, UUIDs, strings without escapes); only the rare parts
/// with strings or several children of their own (commands, stages naming fields,
/// interpolation) sit in side tables. Children of lists, maps and calls are runs of ids in
/// `links`; the stages of a pipeline are nodes too, chained from the last, and so are
/// statements, a block being a run of them.
///
/// A class, so that every `Expr` handle shares it. The parser fills `storage` once, before the
/// tree is returned, and nothing writes it afterwards (the resolver's slots make a new tree),
/// which is why the unchecked `Sendable` holds.
final class SyntaxTree: @unchecked Sendable {
    let file: SourceFile
    @exclusivity(unchecked) private(set) var storage = TreeStorage()
    /// The resolver's slot for each variable node, by the node's `a` (empty before resolving).
    let slots: [Slot]

    init(file: SourceFile, slots: [Slot] = []) {
        self.file = file
        self.slots = slots
    }

    /// Called once, by the parser that made this tree, before any handle is read.
    func install(_ storage: TreeStorage) {
        self.storage = storage
    }

    /// The same nodes with the resolver's slots (the nodes are shared, not copied).
    func resolved(_ slots: [Slot]) -> SyntaxTree {
        let tree = SyntaxTree(file: file, slots: slots)
        tree.install(storage)
        return tree
    }

    var variableCount: Int { Int(storage.variables) }

    @inline(__always)
    func node(_ id: NodeID) -> Node { storage.node(id) }

    @inline(__always)
    func span(of id: NodeID) -> SourceSpan { storage.span(of: id) }

    /// The ordinal of a variable node, the index of its slot.
    func variableOrdinal(_ id: NodeID) -> Int { Int(node(id).a) }

    func expr(_ index: UInt32) -> Expr { Expr(tree: self, id: NodeID(index: index)) }
    func expr(_ id: NodeID) -> Expr { Expr(tree: self, id: id) }

    private func text(_ start: Int, _ end: Int) -> String { file.decode(start, end) }

    private func text(_ span: SourceSpan, inQuotes: Bool = false) -> String {
        inQuotes ? text(span.start + 1, span.end - 1) : text(span.start, span.end)
    }

    /// The resolver's slot for a variable node.
    func slot(of id: NodeID) -> Slot { slot(ordinal: node(id).a) }

    func slot(ordinal: UInt32) -> Slot {
        slots.isEmpty ? .unresolved : slots[Int(ordinal)]
    }

    /// The ids in the run of `links` at `offset` (its first word is the count).
    func run(at offset: UInt32) -> ArraySlice<UInt32> {
        run(at: offset + 1, count: storage.links[Int(offset)])
    }

    /// The `count` ids in `links` from `offset` (a run whose node keeps its count).
    private func run(at offset: UInt32, count: UInt32) -> ArraySlice<UInt32> {
        storage.links[Int(offset)..<Int(offset) + Int(count)]
    }

    func kind(of id: NodeID) -> ExprKind {
        let node = node(id)
        // The span only where it is read: computing it for every node costs evaluation time.
        var span: SourceSpan { storage.span(of: node, id) }
        switch node.tag {
        case .int: return .literal(.int(Int(truncatingIfNeeded: node.bits)))
        case .double: return .literal(.double(Double(bitPattern: node.bits)))
        case .duration: return .literal(.duration(seconds: Int(truncatingIfNeeded: node.bits)))
        case .bool: return .literal(.bool(node.a != 0))
        case .null: return .literal(.null)
        case .word: return .literal(.string(text(span)))
        case .plainString: return .literal(.string(text(span, inQuotes: true)))
        case .uuid: return .literal(.uuid(text(span)))
        case .nqlID: return .literal(.nqlID(text(span)))
        case .value: return .literal(storage.values[Int(node.a)])
        case .interpolated:
            let first = Int(node.a)
            return .interpolated(storage.segments[first..<first + Int(node.b)].map { $0.map(expr) })
        case .variable: return .variable(text(span), slot(ordinal: node.a))
        case .list: return .list(run(at: node.a, count: node.b).map(expr))
        case .map: return .map(entries(at: node.a, count: node.b))
        case .unary: return .unary(TreeStorage.unaryOperators[Int(node.op)], expr(node.a))
        case .binary: return .binary(TreeStorage.binaryOperators[Int(node.op)], expr(node.a), expr(node.b))
        case .field: return .field(expr(node.a), name: text(Int(node.b), span.end))
        case .index: return .index(expr(node.a), expr(node.b))
        case .call: return .call(name: text(span.start, Int(node.b)), arguments: run(at: node.a).map(expr))
        case .command: return .command(storage.commands[Int(node.a)].map(expr))
        case .pipeline: return .pipeline(expr(node.a), stages(endingAt: node.b))
        case .stage: preconditionFailure("a stage is read through its pipeline")
        case .statement: preconditionFailure("a statement is read as a `Stmt`")
        }
    }

    /// The chain of stage nodes ending at `last`, first stage first.
    private func stages(endingAt last: UInt32) -> [Stage] {
        var stages: [Stage] = []
        var index = last
        while index != TreeStorage.noNode {
            let id = NodeID(index: index)
            let node = node(id)
            stages.append(Stage(kind: stageKind(node), span: storage.span(of: node, id)))
            index = node.b
        }
        return stages.reversed()
    }

    private func stageKind(_ node: Node) -> StageKind {
        func child() -> Expr? { node.a == TreeStorage.noNode ? nil : expr(node.a) }
        return switch TreeStorage.StageCode(rawValue: node.op) ?? .count {
        case .filter: .filter(expr(node.a))
        case .first: .first(child())
        case .last: .last(child())
        case .count: .count
        case .fields: storage.fieldStages[Int(node.a)].map(expr)
        }
    }

    private func entries(at offset: UInt32, count: UInt32) -> [MapEntry] {
        (0..<Int(count)).map { entry in
            let key = storage.links[Int(offset) + entry * 2], value = expr(storage.links[Int(offset) + entry * 2 + 1])
            let spelling = key & ~TreeStorage.keyPlaceBits, place = Int(key & TreeStorage.keyPlaceBits)
            if spelling == TreeStorage.keyDecoded {
                let (key, keySpan) = storage.decodedKeys[place]
                return MapEntry(key: key, keySpan: keySpan, value: value)
            }
            let inQuotes = spelling == TreeStorage.keyInQuotes
            let keySpan = self.keySpan(from: place, inQuotes: inQuotes)
            return MapEntry(key: text(keySpan, inQuotes: inQuotes), keySpan: keySpan, value: value)
        }
    }

    /// Where a key written at `start` ends: after its name, or after the closing quote of a
    /// string without escapes (so the first quote after the opening one).
    private func keySpan(from start: Int, inQuotes: Bool) -> SourceSpan {
        file.withBytes { bytes in
            var end = start + (inQuotes ? 1 : 0)
            if inQuotes {
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                end = min(end + 1, bytes.count)
            } else {
                while end < bytes.count, Lexer.isIdentifierPart(bytes[end]) { end += 1 }
            }
            return SourceSpan(start: start, end: end)
        }
    }
}

/// One expression as the tree stores it: where it starts, up to two 32-bit operands (child ids,
/// an index into a side table or `links`, or together a 64-bit literal), what it is (`tag`), its
/// operator and whether it is synchronous (`flags`), and its length in bytes. A length too long
/// for 16 bits (a node over 64 KB, such as a long list) is `Node.longLength`, the real end kept
/// in `TreeStorage.longSpans`.
///
/// In the tree's array a node takes two words, its start and a header (tag, operand count,
/// flags, length), then only the operands up to the last one that is not zero: a name or a
/// string is 8 bytes, a small number 12, a binary operation 16. Nodes are the largest part of a
/// parse in memory (16 per line of the parse benchmark), a fifth smaller so than at 16 bytes each.
struct Node: Sendable {
    let start: UInt32
    let a: UInt32
    let b: UInt32
    let tag: Tag
    private let flags: UInt8
    let length: UInt16

    /// The node whose first word is `cells[offset]`.
    @inline(__always)
    init(decoding cells: UnsafeBufferPointer<UInt32>, at offset: Int) {
        let header = cells[offset + 1]
        let operands = header >> 5 & 3
        start = cells[offset]
        a = operands > 0 ? cells[offset + 2] : 0
        b = operands > 1 ? cells[offset + 3] : 0
        tag = Tag(rawValue: UInt8(header & 31)) ?? .null
        flags = UInt8(truncatingIfNeeded: header >> 8)
        length = UInt16(truncatingIfNeeded: header >> 16)
    }

    /// Appends a node's words to `cells`: start, header (tag in bits 0-4, operand count in 5-6,
    /// flags in 8-15, length in 16-31), then the operands that are stored.
    @inline(__always)
    static func encode(_ tag: Tag, start: UInt32, length: UInt32, a: UInt32, b: UInt32, op: UInt8, synchronous: Bool,
                       into cells: inout [UInt32]) {
        let operands: UInt32 = b != 0 ? 2 : a != 0 ? 1 : 0
        let flags = UInt32(op & 0x7F) | (synchronous ? 0x80 : 0)
        cells.append(start)
        cells.append(UInt32(tag.rawValue) | operands << 5 | flags << 8 | min(length, UInt32(longLength)) << 16)
        if operands > 0 { cells.append(a) }
        if operands > 1 { cells.append(b) }
    }

    /// `isSynchronous` read from a stored header alone (the flags byte, see `encode`).
    static func isSynchronous(header: UInt32) -> Bool { header >> 8 & 0x80 != 0 }

    /// The length that means "look the end up in `longSpans`".
    static let longLength = UInt16.max

    /// The operator of a unary or binary node, the kind of a stage or statement node.
    var op: UInt8 { flags & 0x7F }
    var isSynchronous: Bool { flags & 0x80 != 0 }

    /// The 64-bit value of a number literal. A double keeps its halves swapped: the low half
    /// of most literals' bits is zero (`1.5`, `0.25`), and a zero `b` is not stored.
    var bits: UInt64 { Node.storedBits(tag, UInt64(a) | UInt64(b) << 32) }

    /// A number's bits as `a` and `b` hold them, and back (the swap is its own inverse).
    static func storedBits(_ tag: Tag, _ bits: UInt64) -> UInt64 {
        tag == .double ? bits.rotated : bits
    }

    /// At most 32 cases: the header keeps a tag in 5 bits (`NodeEncodingTests` checks it).
    enum Tag: UInt8, Sendable, CaseIterable {
        case int, double, duration, bool, null
        /// A string literal spelled by the node's source text (a command's word operand).
        case word
        /// A string literal without escapes: the source text between the quotes.
        case plainString
        case uuid, nqlID
        /// Any other literal, held whole in `values`.
        case value
        case interpolated, variable, list, map, unary, binary, field, index, call, command, pipeline
        /// A pipeline stage, which only its pipeline reads (it is no expression): see `TreeStorage.stage`.
        case stage
        /// A statement, read as a `Stmt` (see `SyntaxTree.statementKind`).
        case statement
    }
}

private extension UInt64 {
    var rotated: UInt64 { self << 32 | self >> 32 }
}
