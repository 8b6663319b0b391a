/// The arrays of a `SyntaxTree`, and how the parser adds to them. Each builder returns the new
/// node's id and computes its `isSynchronous` from its children, so that costs O(1) per node.
struct TreeStorage: Sendable {
    /// The nodes, each 2 to 4 words at its id: see `Node.encode`.
    private(set) var cells: [UInt32] = []
    private(set) var links: [UInt32] = []
    private(set) var values: [Value] = []
    /// Map keys with escapes, decoded, and where they are written.
    private(set) var decodedKeys: [(key: String, span: SourceSpan)] = []
    private(set) var segments: [SegmentOf<NodeID>] = []
    private(set) var commands: [CommandCallOf<NodeID>] = []
    /// The stages that name fields (`select`, `sort`, `pluck`); other stages fit in their node.
    private(set) var fieldStages: [StageKindOf<NodeID>] = []
    /// The end of each node whose length does not fit its bits (`Node.longLength`), by node
    /// index; nodes are added in index order, so this is sorted.
    private(set) var longSpans: [(node: UInt32, end: UInt32)] = []
    /// Variable nodes and names bound by statements so far: each gets the next ordinal, the
    /// index of its slot.
    private(set) var variables: UInt32 = 0
    /// Children of the lists, maps and calls being parsed and statements of the blocks, innermost
    /// last; each moves to `links` in one run when its closer is reached, so no array is built
    /// per literal.
    var pending: [UInt32] = []

    /// How a map key is spelled, in the top two bits of the first of its entry's two words
    /// (below them the key's start: sources are capped far below 1 GiB; its end is found again
    /// in the source, see `SyntaxTree.keySpan`). A key with escapes is decoded into
    /// `decodedKeys`, its index there instead of the key's start.
    static let keyAsWritten: UInt32 = 0, keyInQuotes: UInt32 = 1 << 30, keyDecoded: UInt32 = 2 << 30
    static let keyPlaceBits: UInt32 = (1 << 30) - 1

    /// Space for the nodes of a source of `byteCount` bytes, reserved up front: growing the
    /// array would copy it and briefly hold both copies. Pages never written are never
    /// resident, so a generous estimate costs address space, not memory.
    mutating func reserve(forSourceBytes byteCount: Int) {
        cells.reserveCapacity(byteCount + 16)
        links.reserveCapacity(byteCount / 8 + 16)
    }

    func isSynchronous(_ id: NodeID) -> Bool { Node.isSynchronous(header: cells[Int(id.index) + 1]) }

    @inline(__always)
    func node(_ id: NodeID) -> Node {
        cells.withUnsafeBufferPointer { Node(decoding: $0, at: Int(id.index)) }
    }

    @inline(__always)
    func span(of id: NodeID) -> SourceSpan { span(of: node(id), id) }

    /// The span of `node`, whose id is `id`.
    @inline(__always)
    func span(of node: Node, _ id: NodeID) -> SourceSpan {
        let start = Int(node.start)
        guard node.length == Node.longLength else { return SourceSpan(start: start, end: start + Int(node.length)) }
        return SourceSpan(start: start, end: Int(longEnd(of: id)))
    }

    @inline(never)
    private func longEnd(of id: NodeID) -> UInt32 {
        var low = 0, high = longSpans.count - 1
        while low < high {
            let mid = (low + high) / 2
            if longSpans[mid].node < id.index { low = mid + 1 } else { high = mid }
        }
        return longSpans[low].end
    }

    private mutating func add(_ tag: Node.Tag, _ span: SourceSpan, a: UInt32 = 0, b: UInt32 = 0, op: UInt8 = 0,
                              synchronous: Bool = true) -> NodeID {
        // Word offsets stay far below 2^32: a source of at most 64 MiB makes at most one node
        // per byte, of at most 4 words.
        let id = NodeID(index: UInt32(truncatingIfNeeded: cells.count))
        let length = UInt32(clamping: span.end - span.start)
        if length >= UInt32(Node.longLength) { longSpans.append((id.index, UInt32(clamping: span.end))) }
        Node.encode(tag, start: UInt32(clamping: span.start), length: length, a: a, b: b, op: op,
                    synchronous: synchronous, into: &cells)
        return id
    }

    /// An int, double or duration literal, its 64 bits split over `a` and `b` (see `Node.bits`).
    mutating func number(_ tag: Node.Tag, bits: UInt64, _ span: SourceSpan) -> NodeID {
        let stored = Node.storedBits(tag, bits)
        return add(tag, span, a: UInt32(truncatingIfNeeded: stored), b: UInt32(truncatingIfNeeded: stored >> 32))
    }

    /// A literal read back from its source text: `word`, `plainString`, `uuid`, `nqlID`, `null`.
    mutating func spelled(_ tag: Node.Tag, _ span: SourceSpan) -> NodeID {
        add(tag, span)
    }

    mutating func bool(_ value: Bool, _ span: SourceSpan) -> NodeID {
        add(.bool, span, a: value ? 1 : 0)
    }

    mutating func value(_ value: Value, _ span: SourceSpan) -> NodeID {
        values.append(value)
        return add(.value, span, a: UInt32(values.count - 1))
    }

    mutating func interpolated(_ parts: [SegmentOf<NodeID>], _ span: SourceSpan) -> NodeID {
        let first = UInt32(segments.count)
        segments += parts
        return add(.interpolated, span, a: first, b: UInt32(parts.count), synchronous: false)
    }

    /// A name; its text is the span's.
    mutating func variable(_ span: SourceSpan) -> NodeID {
        add(.variable, span, a: nextOrdinal())
    }

    /// The ordinal (the slot's index) of the next variable node or name a statement binds.
    mutating func nextOrdinal() -> UInt32 {
        variables += 1
        return variables - 1
    }

    /// Where the children of the next list, map or call start in `pending`.
    var mark: Int { pending.count }

    /// Moves `pending[mark...]` into `links` as one run, led by its count unless the node
    /// keeps that (`counted` false); true when every child id in it (every `stride`-th word
    /// from `childOffset`) is synchronous.
    private mutating func closeRun(from mark: Int, stride: Int = 1, childOffset: Int = 0,
                                   counted: Bool = true) -> (offset: UInt32, synchronous: Bool) {
        let offset = UInt32(links.count)
        if counted { links.append(UInt32((pending.count - mark) / stride)) }
        // Through a buffer: appending the slice `pending[mark...]` built a temporary array.
        pending.withUnsafeBufferPointer { links.append(contentsOf: UnsafeBufferPointer(rebasing: $0[mark...])) }
        var synchronous = true
        for index in Swift.stride(from: mark + childOffset, to: pending.count, by: stride) where !isSynchronous(NodeID(index: pending[index])) {
            synchronous = false
        }
        truncatePending(to: mark)
        return (offset, synchronous)
    }

    /// A list: its run of children in `links` at `a`, their count in `b`.
    mutating func list(from mark: Int, _ span: SourceSpan) -> NodeID {
        let count = UInt32(pending.count - mark)
        let (offset, synchronous) = closeRun(from: mark, counted: false)
        return add(.list, span, a: offset, b: count, synchronous: synchronous)
    }

    /// Adds a map entry's two words to `pending`: where the key is and how it is spelled, value.
    mutating func addEntry(keySpan: SourceSpan, decodedKey: String?, inQuotes: Bool, value: NodeID) {
        if let decodedKey {
            decodedKeys.append((decodedKey, keySpan))
            pending.append(UInt32(decodedKeys.count - 1) | Self.keyDecoded)
        } else {
            pending.append(UInt32(keySpan.start) & Self.keyPlaceBits | (inQuotes ? Self.keyInQuotes : Self.keyAsWritten))
        }
        pending.append(value.index)
    }

    /// A map: its entries' words in `links` at `a`, their count in `b`.
    mutating func map(from mark: Int, _ span: SourceSpan) -> NodeID {
        let count = UInt32((pending.count - mark) / 2)
        let (offset, synchronous) = closeRun(from: mark, stride: 2, childOffset: 1, counted: false)
        return add(.map, span, a: offset, b: count, synchronous: synchronous)
    }

    /// A call whose name is the source text from `span.start` to `nameEnd`.
    mutating func call(nameEnd: Int, builtin: Bool, from mark: Int, _ span: SourceSpan) -> NodeID {
        let (offset, synchronous) = closeRun(from: mark)
        return add(.call, span, a: offset, b: UInt32(nameEnd), synchronous: builtin && synchronous)
    }

    mutating func unary(_ op: UnaryOperator, _ operand: NodeID, _ span: SourceSpan) -> NodeID {
        add(.unary, span, a: operand.index, op: Self.code(op), synchronous: isSynchronous(operand))
    }

    mutating func binary(_ op: BinaryOperator, _ left: NodeID, _ right: NodeID, _ span: SourceSpan) -> NodeID {
        add(.binary, span, a: left.index, b: right.index, op: Self.code(op),
            synchronous: isSynchronous(left) && isSynchronous(right))
    }

    /// `base.name`, the name being the source text from `nameStart` to the end of `span`.
    mutating func field(_ base: NodeID, nameStart: Int, _ span: SourceSpan) -> NodeID {
        add(.field, span, a: base.index, b: UInt32(nameStart), synchronous: isSynchronous(base))
    }

    mutating func index(_ base: NodeID, _ key: NodeID, _ span: SourceSpan) -> NodeID {
        add(.index, span, a: base.index, b: key.index, synchronous: isSynchronous(base) && isSynchronous(key))
    }

    mutating func command(_ call: CommandCallOf<NodeID>, _ span: SourceSpan) -> NodeID {
        commands.append(call)
        return add(.command, span, a: UInt32(commands.count - 1), synchronous: false)
    }

    /// A pipeline; its stages are a chain of stage nodes, each naming the one before in `b`.
    mutating func pipeline(_ source: NodeID, lastStage: NodeID, _ span: SourceSpan) -> NodeID {
        add(.pipeline, span, a: source.index, b: lastStage.index, synchronous: false)
    }

    /// How a stage node holds its kind: in `op`, with the child or `fieldStages` index in `a`.
    enum StageCode: UInt8 {
        case filter, first, last, count, fields
    }

    /// `a` of a node with no child there (`first`, `last` without a count; the first stage's `b`).
    static let noNode = UInt32.max

    mutating func stage(_ kind: StageKindOf<NodeID>, after previous: NodeID?, _ span: SourceSpan) -> NodeID {
        let (code, operand): (StageCode, UInt32) = switch kind {
        case .filter(let condition): (.filter, condition.index)
        case .first(let count): (.first, count?.index ?? Self.noNode)
        case .last(let count): (.last, count?.index ?? Self.noNode)
        case .count: (.count, Self.noNode)
        case .select, .sort, .pluck: (.fields, UInt32(fieldStages.count))
        }
        if code == .fields { fieldStages.append(kind) }
        return add(.stage, span, a: operand, b: previous?.index ?? Self.noNode, op: code.rawValue, synchronous: false)
    }

    /// What a statement node is, in its `op`; see `SyntaxTree.statementKind` for its operands.
    enum StmtCode: UInt8 {
        case declare, assign, expression, print, ifElse, forIn, assert, exit
    }

    mutating func statement(_ code: StmtCode, a: UInt32 = noNode, b: UInt32 = noNode, _ span: SourceSpan) -> NodeID {
        add(.statement, span, a: a, b: b, op: code.rawValue, synchronous: false)
    }

    /// Moves `pending[mark...]` (statements, or a `print`'s arguments) into `links` as one run.
    mutating func run(from mark: Int) -> UInt32 {
        closeRun(from: mark).offset
    }

    /// Two words in `links` (the bodies of an `if`, the sequence and body of a `for`).
    mutating func pair(_ first: UInt32, _ second: UInt32) -> UInt32 {
        links.append(first)
        links.append(second)
        return UInt32(links.count - 2)
    }

    /// Drops what the statement being abandoned left in `pending`.
    mutating func truncatePending(to mark: Int) {
        pending.removeLast(pending.count - mark)
    }

    /// Operators by their code in `Node.op`.
    static let unaryOperators = UnaryOperator.allCases, binaryOperators = BinaryOperator.allCases

    private static func code(_ op: UnaryOperator) -> UInt8 { UInt8(unaryOperators.firstIndex(of: op) ?? 0) }
    private static func code(_ op: BinaryOperator) -> UInt8 { UInt8(binaryOperators.firstIndex(of: op) ?? 0) }
}
