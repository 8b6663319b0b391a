/// A half-open range of UTF-8 byte offsets into one source; line/column are computed on demand
/// by `SourceFile` (the offsets + converter design of swift-syntax).
public struct SourceSpan: Sendable, Hashable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }
}
