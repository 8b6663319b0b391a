/// One broken rule in a request, with where it is (`field`, and `index` for list items).
public struct ValidationProblem: Sendable, Hashable, CustomStringConvertible {
    public var field: String
    public var index: Int?
    public var message: String

    public init(field: String, index: Int? = nil, message: String) {
        self.field = field
        self.index = index
        self.message = message
    }

    public var description: String {
        let place = index.map { "\(field)[\($0)]" } ?? field
        return "\(place): \(message)"
    }
}

/// Every problem found in a request, not just the first, so a user fixes them in one go.
public struct ValidationError: Error, Sendable, CustomStringConvertible {
    public var problems: [ValidationProblem]

    public init(problems: [ValidationProblem]) {
        self.problems = problems
    }

    public var description: String {
        ([summary] + problems.map { "  - \($0)" }).joined(separator: "\n")
    }

    var summary: String {
        "\(problems.count) problem\(problems.count == 1 ? "" : "s") in the request, nothing was sent"
    }
}

public enum Limits {
    public static let devices = 1...10_000
    public static let expiresInMinutes = 60...10_080
    public static let reasonLength = 500
    /// Devices, and users, per workflow execute call.
    public static let workflowTargets = 0...10_000
    /// Users per campaign trigger.
    public static let campaignUsers = 1...10_000
    /// Campaign expiry: 1 minute to 365 days.
    public static let campaignExpiresInMinutes = 1...525_600
    public static let campaignParameters = 30
}

enum IDRules {
    /// NQL ids of remote actions, workflows and campaigns (`#ExampleRA`, `#wf_restart_spooler`):
    /// '#' then letters, digits or '_'. The documents give no pattern; Nexthink ids mix cases,
    /// so this is wider than the NQL query-id pattern.
    static func isObjectID(_ s: String) -> Bool {
        hashID(s, length: 1...255) { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// NQL saved query ids, exactly the spec's `^#[a-z0-9_]{2,255}$`.
    static func isQueryID(_ s: String) -> Bool {
        hashID(s, length: 2...255) { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    private static func hashID(_ s: String, length: ClosedRange<Int>, allowed: (Character) -> Bool) -> Bool {
        guard s.first == "#" else { return false }
        let body = s.dropFirst()
        return length.contains(body.count) && body.allSatisfy(allowed)
    }

    /// Collector UUIDs: 8-4-4-4-12 hex digits, any case.
    static func isUUID(_ s: String) -> Bool {
        DeviceIDs.isCollectorUUID(s)
    }
}

/// The rule every list of ids a call takes shares (devices, users, SIDs); each id's shape is
/// proven by its type (`CollectorID`, `UserSID`, `WorkflowDevice`...).
enum IDListRules {
    static func countProblems(_ count: Int, field: String, max: Int) -> [ValidationProblem] {
        count > max ? [.init(field: field, message: "\(count) given; one call takes at most \(max), split the list")] : []
    }
}
