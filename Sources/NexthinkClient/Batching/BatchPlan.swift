/// One execute call's share of a large device list.
public struct DeviceBatch: Sendable, Hashable {
    /// 1-based, in list order.
    public var index: Int
    /// 1-based positions of the first and last device in the whole (de-duplicated) list.
    public var firstPosition: Int
    public var lastPosition: Int
    public var devices: [String]

    public init(index: Int, firstPosition: Int, devices: [String]) {
        self.index = index
        self.firstPosition = firstPosition
        self.lastPosition = firstPosition + devices.count - 1
        self.devices = devices
    }

    /// "1-10000": what a user greps for in a device file to find the batch's devices.
    public var deviceRange: String { "\(firstPosition)-\(lastPosition)" }
}

public enum BatchPlanner {
    /// Consecutive batches of at most `size` devices (the API's per-call limit by default):
    /// 25,000 ids give 10,000 + 10,000 + 5,000, so batch N covers a predictable range.
    public static func plan(_ devices: [String], size: Int = Limits.devices.upperBound) -> [DeviceBatch] {
        slices(count: devices.count, size: size).enumerated().map { number, range in
            DeviceBatch(index: number + 1, firstPosition: range.lowerBound + 1, devices: Array(devices[range]))
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
