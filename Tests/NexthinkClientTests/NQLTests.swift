import Foundation
@testable import NexthinkClient
import NexthinkEmulator
import Testing

@Suite("NQL execute against the emulator")
struct NQLTests {
    @Test func runsASavedQueryWithParameters() async throws {
        try await withEmulator { _, client in
            let result = try await client.executeNQL(queryID: "#devices_by_os", parameters: ["os": "windows"])
            #expect(result.queryId == "#devices_by_os")
            #expect(result.executedQuery?.contains("windows") == true)
            #expect(!result.data.isEmpty)
            #expect(result.rows == result.data.count)
            #expect(result.headers.contains("device.name"))
        }
    }

    @Test func unknownQueryIsNotFoundInTheNQLErrorShape() async throws {
        try await withEmulator { server, client in
            let error = try #require(await nexthinkError { try await client.executeNQL(queryID: "#no_such_query") })
            #expect(error.kind == .notFound)
            #expect(error.code == "404")
            #expect(error.hint?.contains("saved queries") == true)
            #expect(server.stats.requests(for: .nqlExecute) == 1)
        }
    }

    /// The query id is checked when it is made (a literal here would be the tests' shortcut).
    @Test func malformedQueryIdIsRejectedBeforeSending() async throws {
        let written = "#Devices"
        try await withEmulator { server, client in
            let error = try #require(await nexthinkError { try await client.executeNQL(queryID: NQLQueryID(written)) })
            #expect(error.kind == .validation)
            #expect(server.stats.requests(for: .nqlExecute) == 0)
        }
    }

    @Test func nqlIsReadOnlySoServerErrorsAreRetried() async throws {
        try await withEmulator { server, client in
            server.faults.inject(.nqlExecute, .status(503), times: 1)
            server.faults.inject(.nqlExecute, .dropConnection, times: 1)
            let result = try await client.executeNQL(queryID: "#devices_by_os", parameters: ["os": "macos"])
            #expect(result.queryId == "#devices_by_os")
            #expect(server.stats.requests(for: .nqlExecute) == 3)
        }
    }

    @Test func columnsKeepTheOrderTheServiceSent() async throws {
        let body = ##"{"access_token":"t","expires_in":900,"queryId":"#q","rows":1,"data":[{"zeta":1,"alpha":"a","mid":null}]}"##
        let recorder = try WireRecorder(body: body)
        defer { recorder.stop() }
        let result = try await withClient(makeClient(api: "http://127.0.0.1:\(recorder.port)")) {
            try await $0.executeNQL(queryID: "#q_q")
        }
        #expect(result.headers == ["zeta", "alpha", "mid"])
        #expect(recorder.requestLines.last == "POST /api/v2/nql/execute HTTP/1.1")
    }
}
