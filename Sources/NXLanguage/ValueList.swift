/// The payload of `Value.list`: the elements, and where they came from when the host that made
/// the list knows (`read("devices.txt")` gives each element its file line). Still 16 bytes, so a
/// `Value` stays as small as it was; a list of no file (a literal, `range`, an API answer)
/// carries no origin and costs nothing. The list operations that keep elements (`where`,
/// `first`, `last`, `sort`, `unique`, `select`, `pluck`, `+`) keep their places, so a command
/// can name the file line of a bad element however the list was narrowed.
public struct ValueList: Sendable, RandomAccessCollection, ExpressibleByArrayLiteral {
    public let elements: [Value]
    /// One place per element; nil when no element has one.
    public let origin: ListOrigin?

    /// `origin`, when given, holds one place per element.
    public init(_ elements: [Value], origin: ListOrigin? = nil) {
        precondition(origin.map { $0.count == elements.count } ?? true, "one place per element")
        self.elements = elements
        self.origin = origin
    }

    public init(arrayLiteral elements: Value...) {
        self.init(elements)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { elements.count }
    public subscript(position: Int) -> Value { elements[position] }
    public func makeIterator() -> IndexingIterator<[Value]> { elements.makeIterator() }

    /// Where element `index` came from, if the host said.
    public func place(at index: Int) -> ListOrigin.Place? { origin?[index] }

    /// The elements at `indices`, in that order, with their places.
    func picking(_ indices: [Int]) -> ValueList {
        ValueList(indices.map { elements[$0] }, origin: origin?.picking(indices))
    }

    /// The elements of `range`, with their places.
    func slice(_ range: Range<Int>) -> ValueList {
        ValueList(Array(elements[range]), origin: origin?.picking(Array(range)))
    }

    /// The same places for new elements, one for each (`select`, `pluck`).
    func replacing(_ newElements: [Value]) -> ValueList {
        ValueList(newElements, origin: origin)
    }

    /// `a + b`: the places follow their elements; elements of a side with none have none.
    public static func + (left: ValueList, right: ValueList) -> ValueList {
        ValueList(left.elements + right.elements,
                  origin: ListOrigin.joining(left.origin, left.count, right.origin, right.count))
    }
}

extension ValueList: Equatable {
    /// Equal elements make equal lists wherever they came from: the origin is for messages only.
    public static func == (left: ValueList, right: ValueList) -> Bool { left.elements == right.elements }
}

extension Value {
    /// A list of no file.
    public static func list(_ elements: [Value]) -> Value { .list(ValueList(elements)) }
}
