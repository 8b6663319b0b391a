/// A credential (client secret, access token) that never shows up in `print`, string
/// interpolation, `debugPrint`, `dump` or a Mirror. Reading it takes an explicit `reveal()`.
public struct Secret: Sendable, Hashable {
    private let value: String

    public init(_ value: String) {
        self.value = value
    }

    /// The raw value. Only for putting it on the wire or into a token store.
    public func reveal() -> String {
        value
    }

    public var isEmpty: Bool {
        value.isEmpty
    }
}

extension Secret: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "<redacted>"
    }

    public var debugDescription: String {
        "Secret(<redacted>)"
    }

    public var customMirror: Mirror {
        Mirror(self, children: [], displayStyle: .struct)
    }
}
