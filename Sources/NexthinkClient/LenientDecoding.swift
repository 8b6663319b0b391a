/// The service adds fields and enum values over time; a display tool must keep working when
/// it does. Known fields of the wrong type or missing fall back to an empty value instead of
/// failing the whole list.
extension KeyedDecodingContainer {
    func lenient<T: Decodable>(_ key: Key, default value: T) -> T {
        ((try? decodeIfPresent(T.self, forKey: key)) ?? nil) ?? value
    }

    func lenient<T: Decodable>(_ key: Key) -> T? {
        (try? decodeIfPresent(T.self, forKey: key)) ?? nil
    }
}

/// A string enum that keeps values it does not know (a new `Purpose`, a new `runAs`) instead
/// of refusing to decode them.
public protocol OpenEnum: Codable, Sendable, Hashable, CustomStringConvertible {
    init(rawValue: String)
    var rawValue: String { get }
}

extension OpenEnum {
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    public var description: String {
        rawValue
    }
}
