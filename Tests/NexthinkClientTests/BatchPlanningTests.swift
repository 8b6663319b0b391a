@testable import NexthinkClient
import Testing

/// Trimming, validation, de-duplication and batch planning of large device lists.
@Suite struct BatchPlanningTests {
    @Test func uuidCheckAcceptsBothCasesAndNothingElse() {
        #expect(DeviceIDs.isCollectorUUID("3fa85f64-5717-4562-b3fc-2c963f66afa6"))
        #expect(DeviceIDs.isCollectorUUID("3FA85F64-5717-4562-B3FC-2C963F66AFA6"))
        for bad in ["", "LAPTOP-01", "3fa85f64-5717-4562-b3fc-2c963f66afa", "3fa85f64-5717-4562-b3fc-2c963f66afa6a",
                    "3fa85f64+5717-4562-b3fc-2c963f66afa6", "3fa85f64-5717-4562-b3fc-2c963f66afg6",
                    "3fa85f645717-4562-b3fc-2c963f66afa6-", "３fa85f64-5717-4562-b3fc-2c963f66afa6"] {
            #expect(!DeviceIDs.isCollectorUUID(bad), "\(bad)")
        }
    }

    @Test func normalizeTrimsReportsEveryInvalidAndDropsDuplicates() {
        let a = "3fa85f64-5717-4562-b3fc-2c963f66afa6", b = "2bdb0941-2507-40de-854a-3efa1784b26b"
        let list = DeviceIDs.normalize(["  \(a)\t", "nope", b, a.uppercased(), nil, b + "\r", "x"])
        #expect(list.ids.map(\.uuid) == [a, b])
        #expect(list.duplicatesDropped == 2)
        #expect(list.invalid == [InvalidDeviceID(index: 1, value: "nope"), InvalidDeviceID(index: 4, value: nil),
                                 InvalidDeviceID(index: 6, value: "x")])
    }

    @Test func planSplitsIntoConsecutiveBatchesOfAtMostTenThousand() {
        let ids = (0..<25_000).map { Self.id($0) }
        let batches = BatchPlanner.plan(ids)
        #expect(batches.map(\.devices.count) == [10_000, 10_000, 5_000])
        #expect(batches.map(\.deviceRange) == ["1-10000", "10001-20000", "20001-25000"])
        #expect(batches.map(\.index) == [1, 2, 3])
        #expect(batches.flatMap(\.devices) == ids)
        #expect(BatchPlanner.plan([]).isEmpty)
        #expect(BatchPlanner.plan(Array(ids.prefix(10_000))).count == 1)
        #expect(BatchPlanner.plan(Array(ids.prefix(10_001))).map(\.devices.count) == [10_000, 1])
    }

    /// 100,000 ids with duplicates and trailing spaces; how fast is `scripts/bench fleet`'s
    /// business (a ratio in one run), not a wall-clock limit here.
    @Test func hundredThousandIdsNormalizeQuickly() {
        let raw: [String?] = (0..<100_000).map { Self.uuid($0 % 90_000) + " " }
        let list = DeviceIDs.normalize(raw)
        let batches = BatchPlanner.plan(list.ids)
        #expect(list.ids.count == 90_000)
        #expect(list.duplicatesDropped == 10_000)
        #expect(list.invalid.isEmpty)
        #expect(batches.count == 9)
    }

    /// Deterministic, distinct, valid UUIDs.
    /// `uuid(n)`, checked.
    static func id(_ n: Int) -> CollectorID {
        try! CollectorID(uuid(n))
    }

    static func uuid(_ n: Int) -> String {
        let hex = String(n, radix: 16)
        let tail = String(repeating: "0", count: 12 - hex.count) + hex
        return "3fa85f64-5717-4562-b3fc-" + tail
    }
}
