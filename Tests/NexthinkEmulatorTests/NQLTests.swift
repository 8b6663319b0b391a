import Foundation
import NexthinkEmulator
import Testing

@Suite struct NQLTests {
    static let laptop05Failing = "3d2163ec-e886-535a-9eb6-93801f66ff32"
    static let laptop07Offline = "f60b679d-1923-5096-97cb-130d928bba0a"
    static let mac01 = "b5ebe47d-80f2-5939-ac8a-9c76c5696c38"

    func rows(_ server: EmulatorServer, _ token: String, _ requestID: String) async throws -> [String: [String: Any]] {
        let r = try await Emu.nql(server, token: token, "#remote_action_executions_by_request", ["request_id": requestID])
        #expect(r.status == 200, "\(r.text)")
        let data = try #require(try r.object()["data"] as? [[String: Any]])
        return Dictionary(data.map { ($0["device.collector.uid"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func executionLifecycleFollowsEmulatedTime() async throws {
        try await Emu.with({ $0.timeScale = 0.0001 }) { server in   // only advanceTime moves time
            let token = try await Emu.token(server)
            let devices = [Fleet.docsExample, Self.laptop05Failing, Self.laptop07Offline, Self.mac01, Fleet.unknown]
            let r = try await Emu.execute(server, token: token, ["remoteActionId": "#restart_service", "devices": devices])
            let requestID = try #require(try r.object()["requestId"] as? String)

            let initial = try await rows(server, token, requestID)
            #expect(initial.count == 5)
            #expect(initial.values.allSatisfy { $0["status"] as? String == "waiting_for_device" })
            #expect(initial.values.allSatisfy { $0["request_id"] as? String == requestID })
            #expect(initial[Fleet.docsExample]?["device.name"] as? String == "LAPTOP-01")
            #expect(initial[Fleet.docsExample]?["remote_action.name"] as? String == "Restart service")
            #expect(initial[Fleet.unknown]?["device.name"] is NSNull)

            server.advanceTime(by: .seconds(120))
            let done = try await rows(server, token, requestID)
            #expect(done[Fleet.docsExample]?["status"] as? String == "success")
            let outputs = try #require(done[Fleet.docsExample]?["outputs"] as? [String: Any])
            #expect(Set(outputs.keys) == ["ServiceStatus", "RestartDurationMs"])
            #expect(outputs["ServiceStatus"] as? String == "Running")
            #expect(done[Self.laptop05Failing]?["status"] as? String == "failure")
            #expect(done[Self.mac01]?["status"] as? String == "failure")
            #expect((done[Self.mac01]?["status_details"] as? String)?.contains("macOS") == true)
            #expect(done[Self.laptop07Offline]?["status"] as? String == "waiting_for_device")
            #expect(done[Fleet.unknown]?["status"] as? String == "waiting_for_device")

            server.advanceTime(by: .seconds(3600))
            let later = try await rows(server, token, requestID)
            #expect(later[Self.laptop07Offline]?["status"] as? String == "expired")
            #expect(later[Fleet.unknown]?["status"] as? String == "expired")
            #expect(later[Fleet.docsExample]?["status"] as? String == "success")
        }
    }

    @Test func statusesProgressInOrder() async throws {
        try await Emu.with({ $0.timeScale = 0.0001 }) { server in   // only advanceTime moves time
            let token = try await Emu.token(server)
            let r = try await Emu.execute(server, token: token, ["remoteActionId": "#clear_teams_cache", "devices": [Fleet.laptop03]])
            let requestID = try #require(try r.object()["requestId"] as? String)
            var seen: [String] = []
            var times: [String] = []
            for _ in 0..<50 {
                let row = try #require(try await rows(server, token, requestID)[Fleet.laptop03])
                let status = try #require(row["status"] as? String)
                if seen.last != status {
                    seen.append(status)
                    times.append(row["time"] as? String ?? "")
                }
                server.advanceTime(by: .seconds(2))
            }
            #expect(seen == ["waiting_for_device", "in_progress", "success"])
            #expect(times == times.sorted() && Set(times).count == 3, "\(times)")
        }
    }

    @Test func timeScaleSpeedsUpRealTime() async throws {
        try await Emu.with({ $0.timeScale = 600 }) { server in
            let token = try await Emu.token(server)
            let r = try await Emu.execute(server, token: token, ["remoteActionId": "#get_battery_status",
                                                                 "devices": [Fleet.laptop02, Self.mac01]])
            let requestID = try #require(try r.object()["requestId"] as? String)
            try await Task.sleep(for: .milliseconds(400))   // 240 emulated seconds
            let done = try await rows(server, token, requestID)
            #expect(done.values.allSatisfy { $0["status"] as? String == "success" })
            let outputs = try #require(done[Self.mac01]?["outputs"] as? [String: Any])
            #expect(Set(outputs.keys) == ["BatteryHealth", "ChargePercent", "CycleCount", "IsCharging"])
            #expect(outputs["IsCharging"] is Bool)
        }
    }

    @Test func v1HasHeadersAndArrayRows() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            let r = try await Emu.nql(server, token: token, "#devices_by_os", ["os": "windows"], version: 1)
            #expect(r.status == 200)
            let body = try r.object()
            let headers = try #require(body["headers"] as? [String])
            let data = try #require(body["data"] as? [[Any]])
            #expect(headers.first == "device.name")
            #expect(body["rows"] as? Int == data.count)
            #expect(data.allSatisfy { $0.count == headers.count })
            let platform = try #require(headers.firstIndex(of: "device.operating_system.platform"))
            #expect(data.allSatisfy { $0[platform] as? String == "Windows" })
            let when = try #require(body["executionDateTime"] as? [String: Int])
            #expect(Set(when.keys) == ["year", "month", "day", "hour", "minute", "second"])
            #expect((body["executedQuery"] as? String)?.contains("\"windows\"") == true)
        }
    }

    @Test func devicesByOSAndAllDevices() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            let windows = try #require(try await Emu.nql(server, token: token, "#devices_by_os", ["os": "windows"]).object()["rows"] as? Int)
            let mac = try #require(try await Emu.nql(server, token: token, "#devices_by_os", ["os": "macOS"]).object()["rows"] as? Int)
            let all = try await Emu.nql(server, token: token, "#devices")
            let allRows = try #require(try all.object()["data"] as? [[String: Any]])
            #expect(windows > 0 && mac > 0)
            #expect(windows + mac == allRows.count)
            #expect(allRows.count >= 50)
            let uids = Set(allRows.compactMap { $0["device.collector.uid"] as? String })
            #expect(uids.isSuperset(of: [Fleet.docsExample, Fleet.laptop02, Fleet.laptop03]))
            let none = try await Emu.nql(server, token: token, "#devices_by_os", ["os": "linux"])
            #expect(try none.object()["rows"] as? Int == 0)
        }
    }

    @Test func errorsUseTheNQLShape() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            let unknown = try await Emu.nql(server, token: token, "#no_such_query")
            #expect(unknown.status == 404)
            let body = try unknown.object()
            #expect(body["code"] as? Int == 404)
            #expect(body["source"] as? String == "queryId")
            #expect((body["message"] as? String)?.contains("#devices") == true)
            let badID = try await Emu.nql(server, token: token, "Devices!")
            #expect(badID.status == 400)
            #expect(try badID.object()["code"] as? Int == 400)
            let missing = try await Emu.nql(server, token: token, "#remote_action_executions_by_request")
            #expect(missing.status == 400)
            #expect((try missing.object()["message"] as? String)?.contains("request_id") == true)
            let badParam = try await Emu.api(server, "POST", "/api/v2/nql/execute", token: token,
                                             json: ["queryId": "#devices_by_os", "parameters": ["os": 1]])
            #expect(badParam.status == 400)
            #expect(try badParam.object()["source"] as? String == "parameters")
        }
    }

    @Test func acceptHeaderSelectsCSVOrIs406() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            let csv = try await Emu.nql(server, token: token, "#devices_by_os", ["os": "macos"], accept: "text/csv")
            #expect(csv.status == 200)
            #expect(csv.header("Content-Type") == "text/csv")
            let lines = csv.text.split(separator: "\n")
            #expect(lines.first?.hasPrefix("device.name,device.collector.uid") == true)
            #expect(lines.dropFirst().allSatisfy { $0.contains(",macOS,") })
            let json = try await Emu.nql(server, token: token, "#devices", accept: "application/json, */*")
            #expect(json.header("Content-Type") == "application/json")
            let refused = try await Emu.nql(server, token: token, "#devices", accept: "application/xml")
            #expect(refused.status == 406)
        }
    }
}
