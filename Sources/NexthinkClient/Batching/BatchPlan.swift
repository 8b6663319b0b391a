/// One call's share of a long list (devices of an execute, users of a campaign trigger, rows of
/// an enrichment).
public struct Batch<Item: Sendable>: Sendable {
    /// 1-based, in list order.
    public var index: Int
    /// 1-based positions of the first and last item in the whole (de-duplicated) list.
    public var firstPosition: Int
    public var lastPosition: Int
    public var items: [Item]

    public init(index: Int, firstPosition: Int, items: [Item]) {
        self.index = index
        self.firstPosition = firstPosition
        self.lastPosition = firstPosition + items.count - 1
        self.items = items
    }

    /// "1-10000": what a user greps for in an input file to find the batch's items; "none" for
    /// the one empty batch of a call that targets no one (a workflow with dependency NONE).
    public var range: String { items.isEmpty ? "none" : "\(firstPosition)-\(lastPosition)" }
}

extension Batch: Equatable where Item: Equatable {}
extension Batch: Hashable where Item: Hashable {}

/// A batch of Collector UUIDs for one execute call.
public typealias DeviceBatch = Batch<CollectorID>

extension Batch where Item == CollectorID {
    public init(index: Int, firstPosition: Int, devices: [CollectorID]) {
        self.init(index: index, firstPosition: firstPosition, items: devices)
    }

    public var devices: [CollectorID] { items }
    public var deviceRange: String { range }
}

public enum BatchPlanner {
    /// Consecutive batches of at most `size` devices (the API's per-call limit by default):
    /// 25,000 ids give 10,000 + 10,000 + 5,000, so batch N covers a predictable range.
    public static func plan(_ devices: [CollectorID], size: Int = Limits.devices.upperBound) -> [DeviceBatch] {
        batches(devices, size: size)
    }

    /// Consecutive batches of at most `size` items, numbered from 1.
    public static func batches<Item>(_ items: [Item], size: Int) -> [Batch<Item>] {
        slices(count: items.count, size: size).enumerated().map { number, range in
            Batch(index: number + 1, firstPosition: range.lowerBound + 1, items: Array(items[range]))
        }
    }

    /// Consecutive index ranges of at most `size` items covering `0..<count`: how every API
    /// with a per-call limit (execute, enrichment, device deletions) splits a long list.
    public static func slices(count: Int, size: Int) -> [Range<Int>] {
        let size = max(1, size)
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }

    /// Consecutive slices of at most `size` items, in order.
    public static func chunks<T>(_ items: [T], size: Int) -> [[T]] {
        slices(count: items.count, size: size).map { Array(items[$0]) }
    }
}
