import Foundation
@testable import NexthinkClient
import Testing

@Suite("Configuration, proxy and secrets (pure)")
struct ConfigurationTests {
    @Test func instanceAndRegionGiveTheDocumentedHosts() throws {
        let e = try Endpoints(.instance("acme", region: .eu))
        #expect(e.api.string == "https://acme.api.eu.nexthink.cloud")
        #expect(e.token.string == "https://acme-login.eu.nexthink.cloud/oauth2/default/v1/token")
        let custom = try Endpoints(.instance("acme", region: "ch"))
        #expect(custom.api.string == "https://acme.api.ch.nexthink.cloud")
    }

    @Test func tokenURLIsDerivedFromAnExplicitAPIURL() throws {
        #expect(try Endpoints(.urls(api: "https://acme.api.us.nexthink.cloud/", token: nil)).token.string
            == "https://acme-login.us.nexthink.cloud/oauth2/default/v1/token")
        #expect(try Endpoints(.urls(api: "http://127.0.0.1:8080", token: nil)).token.string
            == "http://127.0.0.1:8080/oauth2/default/v1/token")
        #expect(try Endpoints(.urls(api: "https://gw.corp/nexthink", token: "https://login.corp/t")).token.string
            == "https://login.corp/t")
    }

    @Test(arguments: ["http://127.0.0.1:1", "http://127.5.6.7", "http://localhost:9", "http://[::1]:8080", "https://example.com"])
    func acceptsHTTPSAndLoopbackHTTP(_ url: String) throws {
        _ = try Endpoints(.urls(api: url, token: nil))
    }

    @Test(arguments: ["http://acme.api.eu.nexthink.cloud", "http://10.0.0.1", "http://127.0.0.1.evil.com", "ftp://x", "acme", "https://u:p@host"])
    func refusesInsecureOrMalformedURLs(_ url: String) {
        let error = #expect(throws: NexthinkError.self) { try Endpoints(.urls(api: url, token: nil)) }
        #expect(error?.kind == .configuration)
        #expect(error?.hint != nil)
    }

    @Test func plainHTTPErrorSaysWhyAndWhatToDo() throws {
        let error = try #require(#expect(throws: NexthinkError.self) { try Endpoints(.urls(api: "http://acme.example", token: nil)) })
        #expect("\(error)".contains("unencrypted"))
        #expect("\(error)".contains("use https://"))
    }

    @Test(arguments: ["ac me", "a.b", "a/b", ""])
    func refusesInstanceNamesThatChangeTheHost(_ instance: String) {
        #expect(throws: NexthinkError.self) { try Endpoints(.instance(instance, region: .us)) }
    }

    @Test func secretsNeverPrint() {
        let secret = Secret("hunter2-very-secret")
        let config = NexthinkConfiguration(location: .instance("a", region: .us), clientID: "id", clientSecret: secret, proxy: nil)
        var dumped = ""
        dump(config, to: &dumped)
        dump(secret, to: &dumped)
        for text in ["\(secret)", String(reflecting: secret), dumped, "\(config)", String(reflecting: config)] {
            #expect(!text.contains("hunter2"))
        }
        #expect(secret.reveal() == "hunter2-very-secret")
    }

    @Test func proxyFromEnvironment() throws {
        let p = try #require(try ProxySettings.fromEnvironment([
            "HTTPS_PROXY": "http://bob:p%40ss@proxy.corp:3128", "NO_PROXY": "internal.corp, .lab.corp,10.1.2.3:8443,[::2]"]))
        #expect(p.host == "proxy.corp" && p.port == 3128)
        #expect(p.user == "bob" && p.password?.reveal() == "p@ss")
        #expect(!"\(p)".contains("p@ss"))
        #expect(p.applies(toHost: "acme.api.eu.nexthink.cloud", port: 443))
        #expect(!p.applies(toHost: "internal.corp", port: 443))
        #expect(!p.applies(toHost: "x.internal.corp", port: 443))
        #expect(p.applies(toHost: "notinternal.corp", port: 443))
        #expect(!p.applies(toHost: "a.lab.corp", port: 443))
        #expect(!p.applies(toHost: "10.1.2.3", port: 8443))
        #expect(p.applies(toHost: "10.1.2.3", port: 443))
        #expect(!p.applies(toHost: "::2", port: 443))
        for loopback in ["127.0.0.1", "localhost", "::1"] { #expect(!p.applies(toHost: loopback, port: 80)) }
    }

    @Test func proxyEnvironmentVariants() throws {
        #expect(try ProxySettings.fromEnvironment([:]) == nil)
        #expect(try ProxySettings.fromEnvironment(["https_proxy": ""]) == nil)
        let bare = try #require(try ProxySettings.fromEnvironment(["https_proxy": "proxy:8080", "HTTPS_PROXY": "ignored:1"]))
        #expect(bare.host == "proxy" && bare.port == 8080)
        let star = try #require(try ProxySettings.fromEnvironment(["HTTPS_PROXY": "http://p:1", "no_proxy": "*"]))
        #expect(!star.applies(toHost: "anything.example", port: 443))
    }

    @Test func queryComponentsArePercentEncoded() {
        #expect(QueryEncoding.query([("nql-id", "#ExampleRA")]) == "?nql-id=%23ExampleRA")
        #expect(QueryEncoding.component("a b&c=d/é") == "a%20b%26c%3Dd%2F%C3%A9")
        #expect(QueryEncoding.query([]) == "")
    }
}
