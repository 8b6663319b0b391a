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
    /// Invalid device ids listed one by one before the rest is summarised; a pasted list of
    /// 10 000 bad ids should not produce 10 000 lines.
    static let reportedDeviceProblems = 20
}

enum IDRules {
    /// Remote action NQL ids (`#ExampleRA`, `#get_disk_space`). The spec gives no pattern for
    /// them; Nexthink ids mix cases, so this is wider than the NQL query-id pattern.
    static func isRemoteActionID(_ s: String) -> Bool {
        isObjectID(s)
    }

    /// NQL ids of remote actions, workflows and campaigns (`#wf_restart_spooler`): '#' then
    /// letters, digits or '_'. The documents give no pattern; this is the remote action rule.
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

/// Rules shared by every list of ids a call takes (devices, users, SIDs).
enum IDListRules {
    /// Too many items, and each invalid one (the first `Limits.reportedDeviceProblems`, then a count).
    static func problems<T>(_ items: [T], field: String, max: Int, problem: (T) -> String?) -> [ValidationProblem] {
        var found: [ValidationProblem] = []
        if items.count > max {
            found.append(.init(field: field, message: "\(items.count) given; one call takes at most \(max), split the list"))
        }
        var invalid = 0
        for (i, item) in items.enumerated() {
            guard let message = problem(item) else { continue }
            invalid += 1
            if invalid <= Limits.reportedDeviceProblems { found.append(.init(field: field, index: i, message: message)) }
        }
        if invalid > Limits.reportedDeviceProblems {
            found.append(.init(field: field, message: "\(invalid - Limits.reportedDeviceProblems) more invalid entries not listed"))
        }
        return found
    }

    /// Strings that must each pass `valid`; the message quotes the bad one.
    static func problems(_ items: [String], field: String, max: Int, valid: (String) -> Bool, expected: String) -> [ValidationProblem] {
        problems(items, field: field, max: max) { valid($0) ? nil : "'\($0)' is not \(expected)" }
    }
}
