/// Sizes no value or source may exceed, so no script can exhaust memory (docs/language.md,
/// "Limits"). Values from the host (API results) are not capped; what the language builds is.
public enum Limits {
    public static let listElements = 10_000_000
    public static let stringBytes = 256 << 20
    /// A script file, stdin, or one `-e`.
    public static let sourceBytes = 64 << 20

    static func checkList(count: Int) throws(Message) {
        guard count <= listElements else { throw Catalog.listTooLarge() }
    }

    static func checkString(bytes: Int) throws(Message) {
        guard bytes <= stringBytes else { throw Catalog.stringTooLarge() }
    }
}
