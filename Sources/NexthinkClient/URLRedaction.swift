/// Hides the `user:password@` part of a URL before it appears in a message. Works on text that
/// does not parse as a URL too, since that is exactly when errors quote it.
enum URLRedaction {
    static func redact(_ text: String) -> String {
        let start = text.firstRange(of: "://")?.upperBound ?? text.startIndex
        let rest = text[start...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return text }
        return String(text[..<start]) + "<credentials>" + String(text[at..<text.endIndex])
    }
}
