extension Lexer {
    static let maxInterpolationDepth = 32

    /// Checks a string literal and reports its errors; its contents are collected only when
    /// decoding (`decodedParts` set), so lexing a plain string allocates nothing.
    mutating func lexString() {
        let start = pos
        // Most strings hold no escape and no `${`: one loop to the closing quote, and done.
        var stop = pos + 1
        while stop < end, !Lexer.endsStringRun(bytes[stop]) { stop += 1 }
        if decodedParts == nil, stop < end, bytes[stop] == UInt8(ascii: "\"") {
            pos = stop + 1
            add(.string(plain: true), from: start)
            return
        }
        pos += 1
        var buffer: [UInt8] = []
        var valid = true
        var plain = true
        while true {
            guard let byte = peek(0), byte != UInt8(ascii: "\n") else {
                report(Catalog.unterminatedString(), start, pos)
                add(.invalid, from: start)
                return
            }
            if byte == UInt8(ascii: "\"") {
                pos += 1
                break
            }
            if byte == UInt8(ascii: "\\") {
                plain = false
                valid = lexEscape(into: &buffer) && valid
                continue
            }
            if byte == UInt8(ascii: "$"), peek(1) == UInt8(ascii: "{") {
                plain = false
                guard lexInterpolation(flushing: &buffer) else {
                    skipToLineEnd()
                    add(.invalid, from: start)
                    return
                }
                continue
            }
            let run = pos
            pos += 1
            while pos < end, !Lexer.endsStringRun(bytes[pos]) { pos += 1 }
            if decodedParts != nil { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<pos])) }
        }
        flush(&buffer)
        add(valid ? .string(plain: plain) : .invalid, from: start)
    }

    /// The bytes at which the plain run of a string's contents stops: everything else is copied
    /// (or, when only checking, skipped) a run at a time. A 128-bit set, like `isIdentifierPart`:
    /// `"`, `$` and newline below 64, the backslash above.
    @inline(__always)
    static func endsStringRun(_ byte: UInt8) -> Bool {
        let word: UInt64 = byte < 64 ? 1 << 10 | 1 << 34 | 1 << 36 : 1 << (92 - 64)
        return byte < 128 && (word >> UInt64(byte & 63)) & 1 != 0
    }

    private mutating func flush(_ buffer: inout [UInt8]) {
        guard !buffer.isEmpty else { return }
        decodedParts?.append(.text(String(decoding: buffer, as: UTF8.self)))
        buffer.removeAll()
    }

    private mutating func lexInterpolation(flushing buffer: inout [UInt8]) -> Bool {
        let open = pos
        switch Lexer.scanInterpolation(bytes, from: pos + 2, end: end) {
        case .closed(let close):
            flush(&buffer)
            decodedParts?.append(.code(SourceSpan(start: open + 2, end: close)))
            pos = close + 1
            return true
        case .unterminated:
            report(Catalog.unterminatedInterpolation(), open, open + 2)
        case .tooDeep(let at):
            report(Catalog.tooDeep(), at, at + 2)
        }
        return false
    }

    /// Returns whether the escape was valid; always consumes it.
    private mutating func lexEscape(into buffer: inout [UInt8]) -> Bool {
        let start = pos
        pos += 1
        guard let byte = peek(0), byte != UInt8(ascii: "\n") else { return true }
        pos += 1
        switch byte {
        case UInt8(ascii: "n"): buffer.append(10)
        case UInt8(ascii: "t"): buffer.append(9)
        case UInt8(ascii: "r"): buffer.append(13)
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "$"): buffer.append(byte)
        case UInt8(ascii: "u"): return lexUnicodeEscape(from: start, into: &buffer)
        default:
            pos = start + 1 + Lexer.scalarLength(bytes, at: start + 1, end: end)
            report(Catalog.unknownEscape(SourceFile.decode(bytes, start + 1, pos)), start, pos)
            return false
        }
        return true
    }

    private mutating func lexUnicodeEscape(from start: Int, into buffer: inout [UInt8]) -> Bool {
        var value: UInt32 = 0
        var digits = 0
        var closed = false
        if peek(0) == UInt8(ascii: "{") {
            pos += 1
            while let byte = peek(0), Lexer.isHex(byte), digits < 9 {
                value = value &* 16 &+ UInt32(Lexer.hexValue(byte))
                digits += 1
                pos += 1
            }
            if peek(0) == UInt8(ascii: "}") {
                pos += 1
                closed = true
            }
        }
        guard closed, (1...8).contains(digits), let scalar = Unicode.Scalar(value) else {
            report(Catalog.invalidUnicodeEscape(SourceFile.decode(bytes, start, pos)), start, pos)
            return false
        }
        buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
        return true
    }

    static func hexValue(_ byte: UInt8) -> UInt8 {
        isDigit(byte) ? byte - 48 : (byte | 0x20) - 87
    }

    enum InterpolationScan { case closed(Int), unterminated, tooDeep(Int) }

    /// Finds the `}` closing a `${` whose expression starts at `start`, skipping nested strings
    /// (which may hold their own `${...}`). Iterative, so hostile nesting cannot exhaust the stack.
    static func scanInterpolation(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> InterpolationScan {
        enum State { case code(braces: Int), string }
        var stack: [State] = [.code(braces: 0)]
        var index = start
        while index < end, let state = stack.last {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") { return .unterminated }
            switch state {
            case .code(let braces):
                if byte == UInt8(ascii: "\"") {
                    stack.append(.string)
                } else if byte == UInt8(ascii: "{") {
                    stack[stack.count - 1] = .code(braces: braces + 1)
                } else if byte == UInt8(ascii: "}") {
                    if braces > 0 {
                        stack[stack.count - 1] = .code(braces: braces - 1)
                    } else {
                        stack.removeLast()
                        if stack.isEmpty { return .closed(index) }
                    }
                }
            case .string:
                if byte == UInt8(ascii: "\\") {
                    if index + 1 < end, bytes[index + 1] == UInt8(ascii: "\n") { return .unterminated }
                    index += 1
                } else if byte == UInt8(ascii: "\"") {
                    stack.removeLast()
                } else if byte == UInt8(ascii: "$"), index + 1 < end, bytes[index + 1] == UInt8(ascii: "{") {
                    guard stack.count < maxInterpolationDepth else { return .tooDeep(index) }
                    stack.append(.code(braces: 0))
                    index += 1
                }
            }
            index += 1
        }
        return .unterminated
    }
}
