/// Limits of the data APIs. Defaults follow the documents where they give one (10,000
/// enrichments, 100 deletions per call); the others are choices (docs/emulator.md).
public struct DataLimits: Sendable, Hashable {
    /// Rows an export may hold (the licensed maximum); beyond it the status answers 206.
    public var exportRows = 1_000_000
    /// Exports that may start per emulated UTC day; the status of later ones answers 429.
    public var exportsPerDay = 1_000
    public var enrichmentsPerRequest = 10_000
    public var deletionsPerRequest = 100

    public init() {}
}
