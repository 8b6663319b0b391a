import Foundation
import NexthinkEmulator
import Testing

@Suite struct TokenTests {
    let formHeaders = ["Authorization": Emu.demoBasic, "Content-Type": "application/x-www-form-urlencoded"]

    @Test func oauthPathIssuesBearerToken() async throws {
        try await Emu.with { server in
            let r = try await Emu.send("POST", server.baseURL + "/oauth2/default/v1/token", headers: formHeaders,
                                       body: Array(Emu.tokenForm.utf8))
            #expect(r.status == 200)
            let body = try r.object()
            #expect(body["token_type"] as? String == "Bearer")
            #expect(body["expires_in"] as? Int == 900)
            #expect(body["scope"] as? String == "service:integration")
            #expect((body["access_token"] as? String)?.split(separator: ".").count == 3)
            #expect(r.header("Cache-Control") == "no-store")
            #expect(server.stats.tokenRequests == 1)
            #expect(server.stats.tokensIssued == 1)
        }
    }

    @Test func legacyPathNeedsOnlyBasic() async throws {
        try await Emu.with { server in
            let r = try await Emu.send("POST", server.baseURL + "/api/v1/token", headers: ["Authorization": Emu.demoBasic])
            #expect(r.status == 200)
            let token = try #require(try r.object()["access_token"] as? String)
            let list = try await Emu.api(server, "GET", "/api/v1/act/remote-action", token: token)
            #expect(list.status == 200)
        }
    }

    @Test(arguments: [
        (nil, "invalid_client"),
        ("Basic " + Data("sandbox-client:wrong".utf8).base64EncodedString(), "invalid_client"),
        ("Basic not-base64!", "invalid_client"),
        ("Bearer abc", "invalid_client"),
    ] as [(String?, String)])
    func badClientIs401(authorization: String?, error: String) async throws {
        try await Emu.with { server in
            var headers = ["Content-Type": "application/x-www-form-urlencoded"]
            headers["Authorization"] = authorization
            for path in ["/oauth2/default/v1/token", "/api/v1/token"] {
                let r = try await Emu.send("POST", server.baseURL + path, headers: headers, body: Array(Emu.tokenForm.utf8))
                #expect(r.status == 401)
                #expect(try r.object()["error"] as? String == error)
                #expect(r.header("WWW-Authenticate")?.hasPrefix("Basic") == true)
                #expect(!r.text.contains("sandbox-secret"))
            }
            #expect(server.stats.tokensIssued == 0)
        }
    }

    @Test(arguments: [
        ("grant_type=password&scope=service%3Aintegration", "unsupported_grant_type"),
        ("scope=service%3Aintegration", "invalid_request"),
        ("grant_type=client_credentials", "invalid_scope"),
        ("grant_type=client_credentials&scope=admin", "invalid_scope"),
        ("grant_type=client_credentials&scope=service:integration+admin", "invalid_scope"),
    ])
    func badFormIs400(form: String, error: String) async throws {
        try await Emu.with { server in
            let r = try await Emu.send("POST", server.baseURL + "/oauth2/default/v1/token", headers: formHeaders,
                                       body: Array(form.utf8))
            #expect(r.status == 400)
            let body = try r.object()
            #expect(body["error"] as? String == error)
            #expect((body["error_description"] as? String)?.isEmpty == false)
        }
    }

    @Test func formMustBeURLEncoded() async throws {
        try await Emu.with { server in
            let r = try await Emu.send("POST", server.baseURL + "/oauth2/default/v1/token",
                                       headers: ["Authorization": Emu.demoBasic, "Content-Type": "application/json"],
                                       body: Array(#"{"grant_type":"client_credentials"}"#.utf8))
            #expect(r.status == 400)
            #expect(try r.object()["error"] as? String == "invalid_request")
        }
    }

    @Test func customCredentialsReplaceTheDemoOnes() async throws {
        try await Emu.with({ $0.clientID = "ci"; $0.clientSecret = "s3cr3t" }) { server in
            let demo = try await Emu.send("POST", server.baseURL + "/api/v1/token", headers: ["Authorization": Emu.demoBasic])
            #expect(demo.status == 401)
            let custom = "Basic " + Data("ci:s3cr3t".utf8).base64EncodedString()
            let ok = try await Emu.send("POST", server.baseURL + "/api/v1/token", headers: ["Authorization": custom])
            #expect(ok.status == 200)
        }
    }

    @Test func tokenExpiresAfterItsLifetime() async throws {
        try await Emu.with({ $0.tokenLifetime = .seconds(60) }) { server in
            let token = try await Emu.token(server)
            #expect(try await Emu.api(server, "GET", "/api/v1/act/remote-action", token: token).status == 200)
            server.advanceTokenTime(by: .seconds(61))
            #expect(try await Emu.api(server, "GET", "/api/v1/act/remote-action", token: token).status == 401)
            let fresh = try await Emu.token(server)
            #expect(try await Emu.api(server, "GET", "/api/v1/act/remote-action", token: fresh).status == 200)
        }
    }

    @Test func revokeTokensExpiresAllNow() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            server.revokeTokens()
            let r = try await Emu.api(server, "GET", "/api/v1/act/remote-action", token: token)
            #expect(r.status == 401)
            #expect(r.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
        }
    }
}

@Suite struct AuthTests {
    static let routes = [
        ("GET", "/api/v1/act/remote-action"), ("GET", "/api/v1/act/remote-action/details?nql-id=%23ExampleRA"),
        ("POST", "/api/v1/act/execute"), ("POST", "/api/v1/nql/execute"), ("POST", "/api/v2/nql/execute"),
        ("GET", "/api/v1/nql/export?queryId=%23devices"), ("POST", "/api/v1/nql/export"),
        ("GET", "/api/v1/nql/status/abc"),
    ]

    @Test(arguments: routes)
    func everyAPIRouteNeedsAValidBearerToken(method: String, path: String) async throws {
        try await Emu.with { server in
            for auth in [nil, "Bearer", "Bearer not-a-token", Emu.demoBasic] as [String?] {
                var headers: [String: String] = [:]
                headers["Authorization"] = auth
                let r = try await Emu.send(method, server.baseURL + path, headers: headers, body: Array("{}".utf8))
                #expect(r.status == 401, "\(method) \(path) with \(auth ?? "no header")")
            }
        }
    }
}
