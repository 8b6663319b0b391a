@testable import NexthinkClient

// Test inputs written as literals go through the checked constructors (and stop the test if a
// literal is not an id), so the fixtures read like the JSON they become.
extension NQLID: ExpressibleByStringLiteral {
    public init(stringLiteral text: String) {
        // The object-id rule: every fixture id, queries included, passes it.
        try! self.init(text, .remoteAction)
    }
}

extension CollectorID: ExpressibleByStringLiteral {
    public init(stringLiteral text: String) {
        try! self.init(text)
    }
}

extension UserSID: ExpressibleByStringLiteral {
    public init(stringLiteral text: String) {
        try! self.init(text)
    }
}
