/// Where each element of a list came from, as the host that made the list describes it: a
/// source (for `read()`, the path as written) and a line. The language only carries it along;
/// it never opens or reads a source. Eight bytes per element, shared by copies of the list.
public final class ListOrigin: Sendable {
    public struct Place: Sendable, Equatable {
        public let source: String
        /// 1-based.
        public let line: Int

        public init(source: String, line: Int) {
            self.source = source
            self.line = line
        }
    }

    /// An element's place: an index into `sources` (negative for none) and its line.
    private struct Mark: Sendable {
        var source: Int32
        var line: Int32
        static let none = Mark(source: -1, line: 0)
    }

    private let sources: [String]
    private let marks: [Mark]

    /// Element `i` of the list came from line `lines[i]` of `source`.
    public convenience init(source: String, lines: [Int]) {
        self.init(sources: [source], marks: lines.map { Mark(source: 0, line: Int32(clamping: $0)) })
    }

    private init(sources: [String], marks: [Mark]) {
        self.sources = sources
        self.marks = marks
    }

    var count: Int { marks.count }

    public subscript(index: Int) -> Place? {
        guard marks.indices.contains(index) else { return nil }
        let mark = marks[index]
        return mark.source < 0 ? nil : Place(source: sources[Int(mark.source)], line: Int(mark.line))
    }

    func picking(_ indices: [Int]) -> ListOrigin {
        ListOrigin(sources: sources, marks: indices.map { marks[$0] })
    }

    /// The origin of a concatenation, nil when neither side has one.
    static func joining(_ left: ListOrigin?, _ leftCount: Int, _ right: ListOrigin?, _ rightCount: Int) -> ListOrigin? {
        guard left != nil || right != nil else { return nil }
        let leftMarks = left?.marks ?? Array(repeating: .none, count: leftCount)
        let shift = Int32(left?.sources.count ?? 0)
        let rightMarks = right?.marks.map { $0.source < 0 ? $0 : Mark(source: $0.source + shift, line: $0.line) }
            ?? Array(repeating: .none, count: rightCount)
        return ListOrigin(sources: (left?.sources ?? []) + (right?.sources ?? []), marks: leftMarks + rightMarks)
    }
}
