/// Text from outside the script (service answers, files, stdin) must not drive the terminal:
/// an `ESC ] 0 ; … BEL` would retitle the window, `ESC [ 2 J` clear the screen, OSC 52 write the
/// clipboard, and bidi overrides make text read differently from what it is. Every terminal
/// rendering passes its text through here; JSON escapes the same characters its own way.
public enum TerminalText {
    /// C0 and C1 controls, DEL, and the bidi embedding/override/isolate characters.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Unsafe characters as `\u{1B}` (the language's own escape, so the text still reads back).
    /// With `keepingLayout`, newlines and tabs stay as they are (messages, plain values).
    public static func escape(_ text: String, keepingLayout: Bool = true) -> String {
        func escapes(_ scalar: Unicode.Scalar) -> Bool {
            isUnsafe(scalar) && !(keepingLayout && (scalar == "\n" || scalar == "\t"))
        }
        guard text.unicodeScalars.contains(where: escapes) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if escapes(scalar) {
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
