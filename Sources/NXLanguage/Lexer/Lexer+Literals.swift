extension Lexer {
    /// UUID literals are bare and may start with a digit, so they are recognised before numbers
    /// and names: a run of letters, digits and inner dashes whose first group is hex and which
    /// has the UUID's 8-character first group or at least four dashes-separated groups.
    /// `firstGroupEnd` is where the word's first run of letters and digits ends (at a dash).
    mutating func lexUUIDIfPresent(firstGroupEnd: Int) -> Bool {
        if firstGroupEnd - pos == 8, let stop = wellFormedUUIDEnd() {
            let start = pos
            pos = stop
            add(.uuid, from: start)
            return true
        }
        var index = firstGroupEnd
        let firstLength = index - pos
        guard firstLength >= 4, allHex(pos, index) else { return false }
        var groups = 1
        var shape = firstLength == 8
        while continuesUUID(at: index) {
            index += 1
            let groupStart = index
            while index < end, Lexer.isIdentifierPart(bytes[index]) { index += 1 }
            shape = shape && groups < 5 && index - groupStart == (groups == 4 ? 12 : 4) && allHex(groupStart, index)
            groups += 1
        }
        guard firstLength == 8 || groups >= 4 else { return false }
        let start = pos
        pos = index
        if shape && groups == 5 {
            add(.uuid, from: start)
        } else {
            report(Catalog.invalidUUID(SourceFile.decode(bytes, start, index)), start, index)
            add(.invalid, from: start)
        }
        return true
    }

    /// Where a well-formed UUID starting at `pos` ends: 8-4-4-4-12 hex digits with no group after
    /// them. The common case, checked in one pass; anything else takes the general scan.
    private func wellFormedUUIDEnd() -> Int? {
        let stop = pos + 36
        guard stop <= end, stop == end || !(Lexer.isIdentifierPart(bytes[stop]) || continuesUUID(at: stop)) else { return nil }
        // The dashes' offsets as bits: one shift per byte says which test it takes.
        let dashes: UInt64 = 1 << 8 | 1 << 13 | 1 << 18 | 1 << 23
        for offset in 0..<36 {
            let byte = bytes[pos + offset]
            guard (dashes >> UInt64(offset)) & 1 != 0 ? byte == UInt8(ascii: "-") : Lexer.isHex(byte) else { return nil }
        }
        return stop
    }

    /// A dash that joins two groups of a UUID-like word.
    @inline(__always)
    func continuesUUID(at index: Int) -> Bool {
        index + 1 < end && bytes[index] == UInt8(ascii: "-") && Lexer.isIdentifierPart(bytes[index + 1])
    }

    private func allHex(_ start: Int, _ stop: Int) -> Bool {
        var index = start
        while index < stop {
            guard Lexer.isHex(bytes[index]) else { return false }
            index += 1
        }
        return true
    }

    mutating func lexNumber() {
        let start = pos
        while let byte = peek(0), Lexer.isDigit(byte) { pos += 1 }
        var isDecimal = false
        if peek(0) == UInt8(ascii: "."), let next = peek(1), Lexer.isDigit(next) {
            isDecimal = true
            pos += 1
            while let byte = peek(0), Lexer.isDigit(byte) { pos += 1 }
        }
        var hasExponent = false
        if let byte = peek(0), byte | 0x20 == UInt8(ascii: "e"), let exponentLength = exponentLength() {
            isDecimal = true
            hasExponent = true
            pos += exponentLength
        }
        if let byte = peek(0), Lexer.isIdentifierStart(byte) {
            if !isDecimal, Lexer.unitSeconds(byte) != nil {
                lexDuration(from: start)
            } else {
                rejectWord(from: start, Lexer.unitSeconds(byte) != nil ? Catalog.invalidDuration : Catalog.invalidNumber)
            }
            return
        }
        if isDecimal {
            // Without an exponent, 16 characters cannot reach infinity: the parser computes the value.
            guard (!hasExponent && pos - start <= 16) || Lexer.double(bytes, start, pos) != nil else {
                report(Catalog.invalidNumber(SourceFile.decode(bytes, start, pos)), start, pos)
                add(.invalid, from: start)
                return
            }
            add(.double, from: start)
        } else if Lexer.decimal(bytes, start, pos) != nil {
            add(.int, from: start)
        } else {
            report(Catalog.integerTooLarge(SourceFile.decode(bytes, start, pos)), start, pos)
            add(.invalid, from: start)
        }
    }

    /// The digits `bytes[start..<end]` as an Int; nil when it does not fit, or when a byte is no
    /// digit (a word that starts like a number: `90m`, `1e3`).
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var value = 0
        for index in start..<end {
            guard isDigit(bytes[index]) else { return nil }
            let product = value.multipliedReportingOverflow(by: 10)
            let sum = product.partialValue.addingReportingOverflow(Int(bytes[index] &- 48))
            guard !product.overflow, !sum.overflow else { return nil }
            value = sum.partialValue
        }
        return value
    }

    /// A decimal number's value; nil when it is not finite (`1e999`).
    static func double(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        if let value = exactDouble(bytes, start, end) { return value }
        guard let value = Double(SourceFile.decode(bytes, start, end)), value.isFinite else { return nil }
        return value
    }

    /// Clinger's fast path, for digits with at most one point and at most 15 digits: the digits
    /// as an integer and the power of ten are then both exact doubles, so the one division rounds
    /// correctly, to the same value as `strtod`. Other numbers (exponents, more digits) return nil.
    private static func exactDouble(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        guard end - start <= 15 || (end - start == 16 && bytes[start..<end].contains(UInt8(ascii: "."))) else { return nil }
        var mantissa: UInt64 = 0
        var scale = 1.0
        var inFraction = false
        for index in start..<end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "."), !inFraction {
                inFraction = true
            } else if isDigit(byte) {
                mantissa = mantissa * 10 + UInt64(byte &- 48)
                if inFraction { scale *= 10 }
            } else {
                return nil
            }
        }
        return Double(mantissa) / scale
    }

    /// Length of `e5`, `E-3`, `e+20` at the current position, if that is what follows.
    private func exponentLength() -> Int? {
        var length = 1
        if let sign = peek(length), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { length += 1 }
        guard let digit = peek(length), Lexer.isDigit(digit) else { return nil }
        while let digit = peek(length), Lexer.isDigit(digit) { length += 1 }
        return length
    }

    private mutating func lexDuration(from start: Int) {
        let (scan, stop) = Lexer.scanDuration(bytes, from: start, end: end)
        pos = stop
        switch scan {
        case .seconds: add(.duration, from: start)
        case .tooLarge:
            report(Catalog.durationTooLarge(SourceFile.decode(bytes, start, pos)), start, pos)
            add(.invalid, from: start)
        case .unitOrder: rejectWord(from: start, Catalog.durationUnitOrder)
        case .invalid: rejectWord(from: start, Catalog.invalidDuration)
        }
    }

    enum DurationScan: Equatable { case seconds(Int), tooLarge, unitOrder, invalid }

    /// `90m`, `2h`, `1h30m`: groups of digits and one unit letter each, largest unit first.
    /// Returns what the word is and where scanning stopped (the lexer consumes the rest of a
    /// malformed word from there).
    static func scanDuration(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> (DurationScan, stop: Int) {
        var pos = start
        var total = 0
        var overflow = false
        var previousUnit = Int.max
        while pos < end, isDigit(bytes[pos]) {
            let digitsStart = pos
            while pos < end, isDigit(bytes[pos]) { pos += 1 }
            guard pos < end, let unit = unitSeconds(bytes[pos]) else { return (.invalid, pos) }
            let amount = decimal(bytes, digitsStart, pos)
            pos += 1
            // `1h30m30m` or `30m1h` is almost certainly a typo, not a sum to compute.
            guard unit < previousUnit else { return (.unitOrder, pos) }
            previousUnit = unit
            let product = (amount ?? Int.max).multipliedReportingOverflow(by: unit)
            let sum = total.addingReportingOverflow(product.partialValue)
            overflow = overflow || amount == nil || product.overflow || sum.overflow
            total = sum.partialValue
        }
        if pos < end, isIdentifierPart(bytes[pos]) || bytes[pos] == UInt8(ascii: ".") { return (.invalid, pos) }
        return (overflow ? .tooLarge : .seconds(total), pos)
    }

    /// Consumes the rest of a malformed number-like word and reports it once.
    private mutating func rejectWord(from start: Int, _ message: (String) -> Message) {
        while let byte = peek(0), Lexer.isIdentifierPart(byte) || byte == UInt8(ascii: ".") { pos += 1 }
        report(message(SourceFile.decode(bytes, start, pos)), start, pos)
        add(.invalid, from: start)
    }

    static func unitSeconds(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "s"): 1
        case UInt8(ascii: "m"): 60
        case UInt8(ascii: "h"): 3600
        case UInt8(ascii: "d"): 86400
        default: nil
        }
    }
}
