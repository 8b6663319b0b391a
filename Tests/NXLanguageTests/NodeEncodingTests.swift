@testable import NXLanguage
import Testing

/// Nodes are stored in 2 to 4 words (`Node.encode`); every field comes back as it went in.
struct NodeEncodingTests {
    @Test func tagsFitTheirFiveBits() {
        #expect(Node.Tag.allCases.count <= 32)
    }

    static let operands: [(a: UInt32, b: UInt32)] = [(0, 0), (7, 0), (0, 7), (.max, .max), (1, .max)]

    @Test(arguments: operands)
    func fieldsRoundTrip(a: UInt32, b: UInt32) {
        var cells: [UInt32] = [99]
        for tag in Node.Tag.allCases {
            for (length, synchronous) in [(UInt32(0), true), (70_000, false)] {
                let offset = cells.count
                Node.encode(tag, start: 123_456, length: length, a: a, b: b, op: 0x5A, synchronous: synchronous, into: &cells)
                let stored = 2 + (b != 0 ? 2 : a != 0 ? 1 : 0)
                #expect(cells.count - offset == stored)
                let node = cells.withUnsafeBufferPointer { Node(decoding: $0, at: offset) }
                #expect(node.tag == tag && node.start == 123_456 && node.a == a && node.b == b)
                #expect(node.op == 0x5A && node.isSynchronous == synchronous)
                #expect(node.length == UInt16(min(length, UInt32(Node.longLength))))
            }
        }
    }
}
