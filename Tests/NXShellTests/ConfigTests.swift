import Foundation
import NXLanguage
import Testing
@testable import NXShell

@Suite struct ConfigTests {
    let sample = """
        default_profile = "prod"

        [profiles.prod]
        instance = "acme"
        region = "eu"
        client_id = "prod-client"
        client_secret_command = "printf '  s3cret\\n'"
        read_only = true
        allowed_actions = ["#restart_service"]

        [profiles.lab]
        api_url = "http://127.0.0.1:9"
        client_id = "lab-client"
        client_secret = "lab-secret"
        """

    @Test func parsesProfiles() throws {
        let config = try ConfigFile.parse(sample, path: "/x/config.toml")
        #expect(config.defaultProfile == "prod")
        #expect(config.profiles["prod"]?.instance == "acme")
        #expect(config.profiles["prod"]?.readOnly == true)
        #expect(config.profiles["prod"]?.allowedActions == ["#restart_service"])
        #expect(config.profiles["lab"]?.apiURL == "http://127.0.0.1:9")
    }

    @Test func unknownKeySuggestsTheRightOne() {
        let error = #expect(throws: ShellError.self) {
            try ConfigFile.parse("[profiles.a]\nclient_ide = \"x\"\n", path: "c.toml")
        }
        #expect(error?.message.contains("unknown key 'profiles.a.client_ide'") == true)
        #expect(error?.message.contains("did you mean 'client_id'") == true)
        #expect(error?.exitCode == NXLanguage.ExitStatus.config)
    }

    @Test func wrongTypeAndSyntaxAreReportedWithThePath() {
        let typed = #expect(throws: ShellError.self) {
            try ConfigFile.parse("[profiles.a]\nread_only = \"yes\"\n", path: "c.toml")
        }
        #expect(typed?.message == "c.toml: profiles.a.read_only must be true or false")
        let syntax = #expect(throws: ShellError.self) { try ConfigFile.parse("[profiles.a\n", path: "c.toml") }
        #expect(syntax?.message.hasPrefix("c.toml:1:") == true)
    }

    /// `status_query` goes through the one NQLID constructor when the file is read.
    @Test func statusQueryIsCheckedWhenTheProfileIsLoaded() throws {
        let bare = try ConfigFile.parse("[profiles.a]\nstatus_query = \"devices_by_os\"\n", path: "c.toml")
        #expect(bare.profiles["a"]?.statusQuery?.text == "#devices_by_os")
        let malformed = #expect(throws: ShellError.self) {
            try ConfigFile.parse("[profiles.a]\nstatus_query = \"#Devices\"\n", path: "c.toml")
        }
        #expect(malformed?.message == "c.toml: profiles.a.status_query: '#Devices' is not an NQL query id; "
                + "it must match #[a-z0-9_]{2,255} (e.g. #remote_action_executions_by_request)")
        #expect(malformed?.exitCode == NXLanguage.ExitStatus.config)
        let typed = #expect(throws: ShellError.self) { try ConfigFile.parse("[profiles.a]\nstatus_query = 3\n", path: "c.toml") }
        #expect(typed?.message == "c.toml: profiles.a.status_query must be a string")
    }

    @Test func environmentBeatsProfileAndSecretCommandIsTrimmed() throws {
        let config = try ConfigFile.parse(sample, path: "c.toml")
        let s = try Settings.resolve(profileFlag: nil, environment: ["NEXTHINK_REGION": "us"], config: config)
        #expect(s.profileName == "prod")
        #expect(s.region == "us")
        #expect(s.instance == "acme")
        #expect(s.clientSecret == "s3cret")
    }

    @Test func flagBeatsEnvironmentForTheProfile() throws {
        let config = try ConfigFile.parse(sample, path: "c.toml")
        let s = try Settings.resolve(profileFlag: "lab", environment: ["NXSH_PROFILE": "prod"], config: config)
        #expect(s.profileName == "lab")
        #expect(s.clientSecret == "lab-secret")
    }

    @Test func missingSettingsAreAllNamedWithTheSandboxHint() {
        let error = #expect(throws: ShellError.self) {
            try Settings.resolve(profileFlag: nil, environment: [:], config: ConfigFile(path: "c.toml"))
        }
        #expect(error?.exitCode == NXLanguage.ExitStatus.usage)
        #expect(error?.message == "missing connection settings: instance, region, client id, client secret")
        #expect(error?.notes.contains { $0.contains("--sandbox") } == true)
    }

    @Test func secretInAReadableFileIsRefused() throws {
        var config = try ConfigFile.parse(sample, path: "c.toml")
        config.isPrivate = false
        let error = #expect(throws: ShellError.self) {
            try Settings.resolve(profileFlag: "lab", environment: [:], config: config)
        }
        #expect(error?.message.contains("readable by group or others") == true)
        #expect(error?.notes.contains("nothing was sent to the service") == true)
    }

    @Test func fileModeDecidesPrivacy() throws {
        let dir = try TempDir()
        let path = dir.path + "/config.toml"
        try sample.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o644)
        #expect(try ConfigFile.load(path: path).isPrivate == false)
        chmod(path, 0o600)
        #expect(try ConfigFile.load(path: path).isPrivate == true)
        #expect(try ConfigFile.load(path: dir.path + "/missing.toml").profiles.isEmpty)
    }

    @Test func unknownProfileListsKnownOnes() throws {
        let config = try ConfigFile.parse(sample, path: "c.toml")
        let error = #expect(throws: ShellError.self) {
            try Settings.selectProfile(flag: "staging", environment: [:], config: config)
        }
        #expect(error?.notes == ["known profiles: lab, prod"])
    }

    @Test func failingSecretCommandDoesNotLeakItsOutput() {
        let error = #expect(throws: ShellError.self) { try SecretCommand(command: "printf '%s%s' lea ked; exit 3").run() }
        #expect(error?.message == "client_secret_command failed with exit status 3")
        #expect(error.map { "\($0)" }?.contains("leaked") == false)
    }

    @Test func xdgPaths() {
        let p = Paths(environment: ["HOME": "/h", "XDG_CACHE_HOME": "/c"])
        #expect(p.configFile == "/h/.config/nxsh/config.toml")
        #expect(p.cacheDirectory == "/c/nxsh")
        #expect(p.historyFile == "/h/.local/state/nxsh/history")
    }
}

/// A private temporary directory, removed when the value goes away.
final class TempDir {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "nxsh-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
