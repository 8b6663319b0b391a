/// The hash bucket of a value for `unique`: values that are `languageEquals` always share one
/// (ints and decimals by numeric value, text case-insensitively), hashed without formatting.
enum UniqueBucket: Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case duration(Int)
    case text(String)
    case list(count: Int)
    case record(count: Int)

    init(_ value: Value) {
        switch value {
        case .null: self = .null
        case .bool(let bool): self = .bool(bool)
        case .int(let int): self = .number(Double(int))
        case .double(let double): self = .number(double == 0 ? 0 : double)
        case .duration(let seconds): self = .duration(seconds)
        case .string(let text), .uuid(let text), .nqlID(let text): self = .text(text.lowercased())
        case .list(let elements): self = .list(count: elements.count)
        case .record(let record): self = .record(count: record.count)
        }
    }
}
