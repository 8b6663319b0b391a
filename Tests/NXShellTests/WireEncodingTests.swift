import NexthinkClient
import Testing
@testable import NXShell

/// The dry run shows the body the client would send, byte for byte (issue 10: it used to
/// print `/` where the wire had `\/`).
@Suite struct WireEncodingTests {
    @Test func dryRunPrintsExactlyTheBytesTheClientSends() throws {
        let template = ExecutionRequest(remoteActionId: "#x", params: ["path": "C:/temp/a b"], devices: [],
                                        triggerInfo: TriggerInfo(externalSource: "nxsh"))
        var sent = template
        sent.devices = ["a"]
        let wire = String(decoding: try WireJSON.encode(sent), as: UTF8.self)
        #expect(DryRun.body(template, devices: ["a"]) == wire)
        #expect(wire.contains(#""path":"C:/temp/a b""#))
    }
}
