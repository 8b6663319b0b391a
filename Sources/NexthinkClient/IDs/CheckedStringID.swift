/// An id that is one checked string, in code and on the wire. Each type keeps its throwing
/// constructor for input (with the message users see); this is the rule a decoded value must
/// pass, so a decoded id carries the same proof as a constructed one, and the encoding is the
/// accepted text as given.
public protocol CheckedStringID: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The id as accepted: what is sent and shown.
    var text: String { get }
    /// `text` when it passes the type's rule, else nil. Not trimmed, nothing added.
    init?(validating text: String)
    /// What a valid value is, for the decoding error: "a collector UUID".
    static var shapeName: String { get }
}

extension CheckedStringID {
    public var description: String { text }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = Self(validating: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not \(Self.shapeName)"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
