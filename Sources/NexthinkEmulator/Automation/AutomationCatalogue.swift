#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The tenant's workflows, campaigns and users (bundled `Resources/automation.json`, or the
/// `workflows`/`campaigns`/`users` keys of a `--data` file).
struct AutomationCatalogue: Sendable {
    let workflows: [Workflow]
    let campaigns: [Campaign]
    let users: [User]
    private let waits: Set<String>
    private let workflowByID: [String: Int]
    private let workflowByUUID: [String: Int]
    private let campaignByID: [String: Int]
    private let userBySID: [String: Int]
    private let userByUPN: [String: Int]
    private let userByUID: [String: Int]

    static let empty = AutomationCatalogue(unchecked: AutomationFile())

    /// Refuses duplicate ids and malformed workflow UUIDs.
    init(file: AutomationFile) throws(SeedError) {
        for (keys, what) in [(file.workflows.map(\.workflow.id), "workflow id"),
                             (file.workflows.map { $0.workflow.uuid.lowercased() }, "workflow uuid"),
                             (file.campaigns.map(\.id), "campaign id"), (file.users.map(\.sid), "user sid"),
                             (file.users.map { $0.upn.lowercased() }, "user upn"), (file.users.map { $0.uid.lowercased() }, "user uid")] {
            var seen = Set<String>()
            if let twice = keys.first(where: { !seen.insert($0).inserted }) { throw SeedError.invalid("\(what) \(twice) appears twice") }
        }
        if let bad = file.workflows.map(\.workflow).first(where: { !UUIDShape.matches($0.uuid) }) {
            throw SeedError.invalid("workflow \(bad.id) has uuid '\(bad.uuid)', which is not a UUID")
        }
        self.init(unchecked: file)
    }

    private init(unchecked file: AutomationFile) {
        workflows = file.workflows.map(\.workflow)
        campaigns = file.campaigns
        users = file.users
        waits = Set(file.workflows.filter(\.waitsForEvent).map(\.workflow.id))
        workflowByID = Self.index(workflows.map(\.id))
        workflowByUUID = Self.index(workflows.map { $0.uuid.lowercased() })
        campaignByID = Self.index(campaigns.map(\.id))
        userBySID = Self.index(users.map(\.sid))
        userByUPN = Self.index(users.map { $0.upn.lowercased() })
        userByUID = Self.index(users.map { $0.uid.lowercased() })
    }

    private static func index(_ keys: [String]) -> [String: Int] {
        Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func workflow(id: String) -> Workflow? { workflowByID[id].map { workflows[$0] } }
    func workflow(uuid: String) -> Workflow? { workflowByUUID[uuid.lowercased()].map { workflows[$0] } }
    func waitsForEvent(_ workflowID: String) -> Bool { waits.contains(workflowID) }
    func campaign(id: String) -> Campaign? { campaignByID[id].map { campaigns[$0] } }
    func user(sid: String) -> User? { userBySID[sid].map { users[$0] } }
    func user(upn: String) -> User? { userByUPN[upn.lowercased()].map { users[$0] } }
    func user(uid: String) -> User? { userByUID[uid.lowercased()].map { users[$0] } }

    /// The user whose device this is (the first one listed, when several share it).
    func user(onDevice uid: String) -> User? {
        users.first { $0.device?.lowercased() == uid.lowercased() }
    }

    static func decode(_ data: Data, source: String) throws(SeedError) -> AutomationCatalogue {
        do {
            return try AutomationCatalogue(file: JSONDecoder().decode(AutomationFile.self, from: data))
        } catch let error as SeedError {
            throw error
        } catch {
            throw SeedError.invalid("\(source) has invalid workflows, campaigns or users: \(error)")
        }
    }
}

/// The automation part of a data file; every key is optional.
struct AutomationFile: Decodable {
    var workflows: [SeedWorkflow] = []
    var campaigns: [Campaign] = []
    var users: [User] = []

    init() {}

    enum CodingKeys: String, CodingKey { case workflows, campaigns, users }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        workflows = try c.decodeIfPresent([SeedWorkflow].self, forKey: .workflows) ?? []
        campaigns = try c.decodeIfPresent([Campaign].self, forKey: .campaigns) ?? []
        users = try c.decodeIfPresent([User].self, forKey: .users) ?? []
    }

    /// Whether a data file describes any of these (else the bundled ones are used).
    static func present(in data: Data) -> Bool {
        guard let object = try? JSONDecoder().decode([String: JSONValue].self, from: data) else { return false }
        return CodingKeys.allCases.contains { object[$0.rawValue] != nil }
    }
}

extension AutomationFile.CodingKeys: CaseIterable {}
