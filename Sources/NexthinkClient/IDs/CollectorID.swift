/// A Collector UUID (8-4-4-4-12 hex digits, any case), checked once where it enters — one by
/// one here, or a whole list at a time by `DeviceIDs.normalize` — so the plans, the dry run,
/// the batches and the execute bodies take it as proven. Encoded as the plain string, as given.
public struct CollectorID: CheckedStringID {
    public let uuid: String

    /// `text` as given (not trimmed); a validation error naming `field` when it is no UUID.
    public init(_ text: String, field: String = "devices") throws(NexthinkError) {
        guard let id = CollectorID(validating: text) else {
            throw NexthinkError.validation([.init(field: field, message: "'\(text)' is not \(CollectorID.expected)")])
        }
        self = id
    }

    public init?(validating text: String) {
        guard DeviceIDs.isCollectorUUID(text) else { return nil }
        uuid = text
    }

    /// For `DeviceIDs.normalize`, which has just checked the shape.
    init(checked uuid: String) {
        self.uuid = uuid
    }

    static let expected = "a collector UUID (expected e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6)"
    public static let shapeName = "a collector UUID"

    /// `uuid` under the name every checked id shares.
    public var text: String { uuid }
}
