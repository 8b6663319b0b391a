/// The rows of a query result, produced by index on demand. A captured result is an array;
/// a synthetic table is a function of the row number, so an export of a million wide rows is
/// written out row by row and never held whole.
struct RowSource: Sendable {
    let count: Int
    let row: @Sendable (Int) -> [JSONValue]

    init(count: Int, row: @escaping @Sendable (Int) -> [JSONValue]) {
        self.count = max(0, count)
        self.row = row
    }

    init(_ rows: [[JSONValue]]) {
        self.init(count: rows.count) { rows[$0] }
    }

    var all: [[JSONValue]] { (0..<count).map(row) }

    func prefix(_ n: Int) -> RowSource {
        RowSource(count: min(count, n), row: row)
    }
}
