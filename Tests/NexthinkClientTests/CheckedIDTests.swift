#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
@testable import NexthinkClient
import Testing

/// The checked id constructors: what each accepts, and the one problem each kind of bad input
/// gets (the text users see, byte for byte, and the field it is reported under).
@Suite struct CheckedIDTests {
    static func problem(_ make: () throws -> Void) -> String? {
        do {
            try make()
            return nil
        } catch let error as NexthinkError {
            #expect(error.kind == .validation)
            return error.problems.map(\.description).joined(separator: "\n")
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test(arguments: NQLID.Kind.allCases)
    func nqlIDsGetTheirHashOnce(_ kind: NQLID.Kind) throws {
        #expect(try NQLID("get_disk", kind).text == "#get_disk")
        #expect(try NQLID("#get_disk", kind).text == "#get_disk")
        #expect(try NQLID("#ab", kind).description == "#ab")
    }

    @Test(arguments: ["#ExampleRA", "ExampleRA", "#a", "#A1_b2", "#" + String(repeating: "a", count: 255)])
    func objectIDsMixCases(_ id: String) throws {
        for kind in [NQLID.Kind.remoteAction, .workflow, .campaign] { _ = try NQLID(id, kind) }
    }

    @Test(arguments: ["", "#", "#a b", "#a-b", "#a#b", "#é", "#" + String(repeating: "a", count: 256)])
    func badObjectIDsAreNamedByKind(_ id: String) {
        let shown = id.hasPrefix("#") ? id : "#" + id
        let rule = "ids start with '#' then letters, digits or '_'"
        #expect(Self.problem { _ = try NQLID(id, .remoteAction) } == "id: '\(shown)' is not a remote action id; \(rule) (e.g. #ExampleRA)")
        #expect(Self.problem { _ = try NQLID(id, .workflow) } == "id: '\(shown)' is not a workflow id; \(rule) (e.g. #wf_restart_spooler)")
        #expect(Self.problem { _ = try NQLID(id, .campaign, field: "campaignNqlId") }
            == "campaignNqlId: '\(shown)' is not a campaign id; \(rule) (e.g. #csat_after_fix)")
    }

    /// Query ids have their own type: the spec's pattern is narrower than the objects' rule,
    /// so an object id such as `#ExampleRA` is no query id.
    @Test func queryIDsFollowTheSpecPattern() throws {
        // Variables, not literals: a literal would go through the tests' ExpressibleByStringLiteral.
        let (full, bare) = ("#remote_action_executions_by_request", "ab")
        #expect(try NQLQueryID(full).text == full)
        #expect(try NQLQueryID(bare).text == "#ab")
        #expect(try NQLID("#ExampleRA", .remoteAction).text == "#ExampleRA")
        for bad in ["#a", "#Upper", "#a-b", "#ExampleRA", "#" + String(repeating: "a", count: 256)] {
            #expect(Self.problem { _ = try NQLQueryID(bad) }
                == "queryId: '\(bad)' is not an NQL query id; it must match #[a-z0-9_]{2,255} (e.g. #remote_action_executions_by_request)")
        }
    }

    @Test func collectorIDsTakeEitherCaseAndNothingElse() throws {
        // Variables, not literals: a literal would go through the tests' ExpressibleByStringLiteral.
        for good in ["3fa85f64-5717-4562-b3fc-2c963f66afa6", "3FA85F64-5717-4562-B3FC-2C963F66AFA6"] {
            #expect(try CollectorID(good).uuid == good)
        }
        for bad in ["", "LAPTOP-01", " 3fa85f64-5717-4562-b3fc-2c963f66afa6", "{3fa85f64-5717-4562-b3fc-2c963f66afa6}",
                    "3fa85f64-5717-4562-b3fc-2c963f66afg6", "３fa85f64-5717-4562-b3fc-2c963f66afa6"] {
            #expect(Self.problem { _ = try CollectorID(bad) }
                == "devices: '\(bad)' is not a collector UUID (expected e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6)")
        }
    }

    @Test func userSIDsRefuseUPNsWithAHint() throws {
        for good in ["S-1-5-21-1-2-3-1001", "0"] {
            #expect(try UserSID(good).text == good)
        }
        let (upn, short) = ("a@acme.com", "S-1")
        #expect(Self.problem { _ = try UserSID(upn) }
            == "userSid: 'a@acme.com' is a UPN; campaigns take user SIDs (e.g. S-1-5-21-1-2-3-1001)")
        #expect(Self.problem { _ = try UserSID(short) } == "userSid: 'S-1' is not a user SID (expected e.g. S-1-5-21-1-2-3-1001)")
        let long = String(repeating: "x", count: 200)
        #expect(Self.problem { _ = try UserSID(long) }
            == "userSid: '\(long.prefix(80))' is not a user SID (expected e.g. S-1-5-21-1-2-3-1001)")
    }

    @Test func workflowTargetsAreCheckedWhenMade() throws {
        let uuid = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
        #expect(try WorkflowDevice(collectorUid: uuid).collectorUid?.uuid == uuid)
        #expect(Self.problem { _ = try WorkflowDevice() } == "devices: give at least one of name, uid, collectorUid")
        #expect(Self.problem { _ = try WorkflowDevice(uid: "x") }
            == "devices: uid x is not a UUID (expected e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6)")
        #expect(Self.problem { _ = try WorkflowDevice(collectorUid: "x") }
            == "devices: collectorUid x is not a UUID (expected e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6)")
        #expect(Self.problem { _ = try WorkflowDevice(name: "") } == "devices: name is empty")
        #expect(try WorkflowUser(sid: "S-1-5-21-1-2-3-1001").sid?.text == "S-1-5-21-1-2-3-1001")
        #expect(Self.problem { _ = try WorkflowUser() } == "users: give at least one of sid, upn, uid")
        #expect(Self.problem { _ = try WorkflowUser(sid: "S-1") } == "users: sid S-1 is not a user SID (expected e.g. S-1-5-21-1-2-3-1001)")
        #expect(Self.problem { _ = try WorkflowUser(upn: "not-an-email") }
            == "users: upn not-an-email is not a user principal name (expected e.g. a@acme.com)")
        #expect(Self.problem { _ = try WorkflowUser(uid: "x") }
            == "users: uid x is not a UUID (expected e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6)")
    }

    @Test func idsEncodeAsPlainStringsAndDecodeOnlyWhenValid() throws {
        let uuid = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
        let request = ExecutionRequest(remoteActionId: try NQLID("a_b", .remoteAction), devices: [try CollectorID(uuid)])
        let text = String(decoding: try WireJSON.encode(request), as: UTF8.self)
        #expect(text.contains(##""remoteActionId":"#a_b""##))
        #expect(text.contains(#""devices":["3fa85f64-5717-4562-b3fc-2c963f66afa6"]"#))
        #expect(try JSONDecoder().decode(ExecutionRequest.self, from: Data(text.utf8)) == request)
        for bad in [#"["nope"]"#, ##"["#a b"]"##] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode([CollectorID].self, from: Data(bad.utf8)) }
            #expect(throws: DecodingError.self) { try JSONDecoder().decode([NQLID].self, from: Data(bad.utf8)) }
            #expect(throws: DecodingError.self) { try JSONDecoder().decode([UserSID].self, from: Data(bad.utf8)) }
        }
    }

    static func decodingProblem<ID: CheckedStringID>(_: ID.Type, _ json: String) -> String? {
        do {
            _ = try JSONDecoder().decode([ID].self, from: Data(json.utf8))
            return nil
        } catch DecodingError.dataCorrupted(let context) {
            return "\(context.codingPath.map(\.intValue)): \(context.debugDescription)"
        } catch {
            return "unexpected \(error)"
        }
    }

    /// Every id type decodes through `CheckedStringID`'s one implementation, with its own rule:
    /// exactly the wire text, so no `#` is added and nothing is trimmed.
    @Test func invalidIDsFailToDecodeThroughTheSharedPath() throws {
        #expect(Self.decodingProblem(CollectorID.self, #"["LAPTOP-01"]"#) == "[Optional(0)]: not a collector UUID")
        #expect(Self.decodingProblem(CollectorID.self, #"[" 3fa85f64-5717-4562-b3fc-2c963f66afa6"]"#) == "[Optional(0)]: not a collector UUID")
        #expect(Self.decodingProblem(NQLID.self, ##"["#a", "a b"]"##) == "[Optional(1)]: not an NQL id")
        #expect(Self.decodingProblem(NQLID.self, #"["get_disk"]"#) == "[Optional(0)]: not an NQL id")
        #expect(Self.decodingProblem(NQLQueryID.self, ##"["#devices", "#ExampleRA"]"##) == "[Optional(1)]: not an NQL query id")
        #expect(Self.decodingProblem(UserSID.self, #"["a@acme.com"]"#) == "[Optional(0)]: not a user SID")
        #expect(Self.decodingProblem(UserSID.self, #"["S-1-5-21-1-2-3-1001"]"#) == nil)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([UserSID].self, from: Data("[7]".utf8)) }
        let sid = try JSONDecoder().decode(UserSID.self, from: Data(#""0""#.utf8))
        #expect(sid.text == "0")
        #expect(try WireJSON.encode(sid) == Array(#""0""#.utf8))
    }
}
