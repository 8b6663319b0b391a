import Foundation
@testable import NexthinkClient
import Testing

@Suite("Tolerant decoding (pure)")
struct DecodingTests {
    @Test func unknownEnumValuesAndExtraFieldsDecode() throws {
        let json = #"""
        {"id":"#new","uuid":"u","name":"New","description":"d","origin":"custom","builtInContentVersion":"1",
         "purpose":["REMEDIATION","SELF_HEALING"],"futureField":{"nested":[1,2]},
         "targeting":{"apiEnabled":true,"manualEnabled":false,"workflowEnabled":true,"manualAllowMultipleDevices":true,"newFlag":1},
         "scriptInfo":{"executionServiceDelegate":"","runAs":"SOME_NEW_MODE","timeoutSeconds":120,"hasScriptWindows":true,
           "hasScriptMacOs":false,"inputs":[{"id":"i","name":"N","description":"","usedByWindows":true,"usedByMacOs":false,
           "options":["a"],"allowCustomValue":false,"kind":"secret"}],"outputs":[{"id":"o","name":"Out","type":"NEW_TYPE",
           "description":"","usedByWindows":true,"usedByMacOs":true}]}}
        """#
        let action = try JSONDecoder().decode(RemoteAction.self, from: Data(json.utf8))
        #expect(action.purpose == [.remediation, Purpose(rawValue: "SELF_HEALING")])
        #expect(action.scriptInfo.runAs?.rawValue == "SOME_NEW_MODE")
        #expect(action.scriptInfo.outputs.first?.type == "NEW_TYPE")
        #expect(action.targeting.workflowEnabled)
        // Re-encodes with the unknown values intact.
        let again = try JSONDecoder().decode(RemoteAction.self, from: JSONEncoder().encode(action))
        #expect(again == action)
    }

    @Test func missingOrMistypedFieldsFallBack() throws {
        let action = try JSONDecoder().decode(RemoteAction.self, from: Data(##"{"id":"#bare","scriptInfo":{"timeoutSeconds":"soon"}}"##.utf8))
        #expect(action.name == "")
        #expect(action.purpose.isEmpty)
        #expect(action.scriptInfo.timeoutSeconds == nil)
        #expect(!action.targeting.apiEnabled)
    }

    @Test func anActionWithoutIdIsRejected() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(RemoteAction.self, from: Data(##"{"name":"x"}"##.utf8))
        }
    }

    @Test func jsonValueRoundTrips() throws {
        let json = ##"{"a":1,"b":1.5,"c":"s","d":true,"e":null,"f":[1,"x"],"g":{"h":false}}"##
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
        #expect(value["a"] == .int(1))
        #expect(value["b"] == .double(1.5))
        #expect(value["d"] == .bool(true))
        #expect(value["e"] == .null)
        #expect(value["f"] == .array([.int(1), .string("x")]))
        #expect(try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value)) == value)
    }

    @Test func nqlResultsInBothShapes() throws {
        let v2 = ##"{"queryId":"#q","executedQuery":"devices","rows":2,"executionDateTime":"2025-01-01T00:00:00Z","data":[{"device.name":"A","n":1},{"device.name":"B","extra":true}]}"##
        let r2 = try JSONDecoder().decode(NQLResult.self, from: Data(v2.utf8))
        #expect(r2.headers == ["device.name", "extra", "n"])
        #expect(r2.data[1]["extra"] == .bool(true))
        let v1 = ##"{"queryId":"#q","rows":1,"executionDateTime":{"year":2025},"headers":["b","a"],"data":[["x",2]]}"##
        let r1 = try JSONDecoder().decode(NQLResult.self, from: Data(v1.utf8))
        #expect(r1.headers == ["b", "a"])
        #expect(r1.data == [["b": .string("x"), "a": .int(2)]])
        #expect(r1.executionDateTime == nil)
    }

    @Test func serviceErrorBodiesInAllThreeShapes() {
        let ra = ServiceErrorBody(Array(##"{"code":"INVALID_REQUEST","message":"devices: too many"}"##.utf8))
        #expect(ra.code == "INVALID_REQUEST" && ra.message == "devices: too many")
        let nql = ServiceErrorBody(Array(##"{"message":"no such query","code":404,"source":"nql"}"##.utf8))
        #expect(nql.code == "404" && nql.message == "no such query (source: nql)")
        let oauth = ServiceErrorBody(Array(##"{"error":"invalid_client","error_description":"bad secret"}"##.utf8))
        #expect(oauth.code == "invalid_client" && oauth.message == "bad secret")
        let html = ServiceErrorBody(Array("<html>proxy error</html>".utf8))
        #expect(html.code == nil && html.message == nil)
    }
}

@Suite("NQL column order (pure)")
struct JSONKeyOrderTests {
    @Test func keepsTheServiceOrderAcrossRows() {
        let body = ##"{"queryId":"#q","data":[{"z":1,"a":{"n":[1,{"x":2}]},"m":"s\"}"},{"a":null,"new":true,"z\u0041":-1.5e3}],"rows":2}"##
        #expect(JSONKeyOrder.dataRowKeys(Array(body.utf8)) == ["z", "a", "m", "new", "zA"])
    }

    @Test(arguments: ["", "{", ##"{"data":[{"a":1}"##, ##"{"data":[{"a":}]}"##, "[1,2]", ##"{"data":[[1,2]]}"##])
    func malformedOrRowlessGivesNothing(_ body: String) {
        #expect(JSONKeyOrder.dataRowKeys(Array(body.utf8)).isEmpty)
    }
}
