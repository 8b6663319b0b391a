import NXLanguage
import Testing
@testable import NXShell

@Suite struct HostPieceTests {
    @Test func devicesAcceptUUIDsStringsAndRowsAndDropDuplicates() throws {
        let uid = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
        let row = Value.record(Record([("device.collector.uid", .string("2bdb0941-2507-40de-854a-3efa1784b26b"))]))
        let targets = try DeviceTargets.collect([.uuid(uid), .string(uid.uppercased()), row], spans: nil)
        #expect(targets.ids.map(\.uuid) == [uid, "2bdb0941-2507-40de-854a-3efa1784b26b"])
        #expect(targets.duplicatesDropped == 1)
    }

    @Test func invalidDevicePointsAtItsSpan() {
        let span = SourceSpan(start: 10, end: 15)
        let devices: ValueList = [.uuid("3fa85f64-5717-4562-b3fc-2c963f66afa6"), .string("nope")]
        let spans = ClauseSpans(word: SourceSpan(start: 0, end: 2), value: SourceSpan(start: 3, end: 20),
                                elements: [SourceSpan(start: 4, end: 9), span])
        let error = #expect(throws: HostError.self) { try DeviceTargets.collect(devices, spans: spans) }
        #expect(error?.span == span)
        #expect(error?.message == "invalid device id 'nope' at position 2")
    }

    @Test func maskingHidesTokensAtAnyDepth() {
        let token = "eyJhbGciOiJSUzI1NiJ9.payload.signature"
        let value = Value.list([.record(Record([("inner", .record(Record([("access_token", .string(token))])))]))])
        guard case .list(let items) = Masking.mask(value), case .record(let outer)? = items.first,
              case .record(let inner)? = outer["inner"] else { Issue.record("shape changed"); return }
        #expect(inner["access_token"] == .string("eyJh…(redacted)"))
    }

    @Test func runModes() throws {
        #expect(try RunMode.decide(ShellOptions(), stdinIsTerminal: true) == .repl)
        #expect(try RunMode.decide(ShellOptions(), stdinIsTerminal: false) == .stdin(arguments: []))
        let file = ShellOptions(scriptAndArguments: ["a.nxs", "--foo", "x"])
        #expect(try RunMode.decide(file, stdinIsTerminal: true) == .file("a.nxs", arguments: ["--foo", "x"]))
        let oneLiner = ShellOptions(expressions: ["print 1"], scriptAndArguments: ["x"])
        #expect(try RunMode.decide(oneLiner, stdinIsTerminal: true) == .expressions(["print 1"], arguments: ["x"]))
        #expect(throws: ShellError.self) {
            try RunMode.decide(ShellOptions(scriptAndArguments: ["--bogus"]), stdinIsTerminal: true)
        }
    }

    @Test func suggestions() {
        #expect(Suggest.nearby("#restart_servce", in: ["#restart_service", "#ExampleRA"]) == ["#restart_service"])
        #expect(Suggest.nearby("#battery", in: ["#get_battery_status", "#ExampleRA"]) == ["#get_battery_status"])
    }

    @Test func helpTopics() {
        #expect(Help.answer("help")?.contains("Commands:") == true)
        #expect(Help.answer("help run")?.contains("run #ACTION on DEVICES") == true)
        #expect(Help.answer("helpful") == nil)
    }

    @Test func helpListsEveryCommandOfTheTable() {
        let general = Help.answer("help") ?? ""
        for spec in CommandTable.all {
            #expect(general.contains(spec.name), "\(spec.name) missing from help")
            #expect(Help.answer("help \(spec.name)")?.contains(spec.usage) == true)
        }
        #expect(Help.answer("help wait")?.contains("wait RUN [timeout 10m]") == true)
    }
}

@Suite struct LiteralMaskingTests {
    @Test func recordLiteralsAreMaskedButPlainTokensAreNot() {
        let literal = #"<token_type: "Bearer", access_token: "eyJhbGciOiJSUzI1NiJ9.x.y", n: 1>"#
        #expect(Masking.maskLiteral(literal) == #"<token_type: "Bearer", access_token: "eyJh…(redacted)", n: 1>"#)
        #expect(Masking.maskLiteral("eyJhbGciOiJSUzI1NiJ9.x.y") == "eyJhbGciOiJSUzI1NiJ9.x.y")
        #expect(Masking.maskLiteral(#"[<access_token: "a\"bcdefghij">]"#) == #"[<access_token: "a\"b…(redacted)">]"#)
    }
}

@Suite struct JSONMaskingTests {
    @Test func jsonTextIsMaskedToo() {
        let json = #"{"token_type":"Bearer","access_token":"eyJhbGciOiJSUzI1NiJ9.x.y"}"#
        #expect(Masking.maskLiteral(json) == #"{"token_type":"Bearer","access_token":"eyJh…(redacted)"}"#)
    }
}
