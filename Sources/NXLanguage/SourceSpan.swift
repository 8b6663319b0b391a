/// A half-open range of UTF-8 byte offsets into one source; line/column are computed on demand
/// by `SourceFile` (the offsets + converter design of swift-syntax).
public struct SourceSpan: Sendable, Hashable {
    /// Stored as 32 bits: every token and tree node holds a span, and sources are capped at
    /// `Limits.sourceBytes` (64 MiB), far below 4 GiB; larger offsets are clamped, never trapped on.
    private var lower: UInt32
    private var upper: UInt32

    public var start: Int {
        get { Int(lower) }
        set { lower = UInt32(clamping: newValue) }
    }

    public var end: Int {
        get { Int(upper) }
        set { upper = UInt32(clamping: newValue) }
    }

    public init(start: Int, end: Int) {
        lower = UInt32(clamping: start)
        upper = UInt32(clamping: max(start, end))
    }
}
