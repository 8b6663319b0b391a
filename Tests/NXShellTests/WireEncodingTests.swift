import NexthinkClient
import Testing
@testable import NXShell

/// The dry run shows the body the client would send, byte for byte (issue 10: it used to
/// print `/` where the wire had `\/`).
@Suite struct WireEncodingTests {
    @Test func dryRunPrintsExactlyTheBytesTheClientSends() throws {
        let template = ExecutionRequest(remoteActionId: try NQLID("#x", .remoteAction), params: ["path": "C:/temp/a b"], devices: [],
                                        triggerInfo: TriggerInfo(externalSource: "nxsh"))
        var sent = template
        let device = try CollectorID("3fa85f64-5717-4562-b3fc-2c963f66afa6")
        sent.devices = [device]
        let wire = String(decoding: try WireJSON.encode(sent), as: UTF8.self)
        #expect(DryRun.body(template, devices: [device]) == wire)
        #expect(wire.contains(#""path":"C:/temp/a b""#))
    }
}
