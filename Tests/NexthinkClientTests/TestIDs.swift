@testable import NexthinkClient

// Test inputs written as literals go through the checked constructors (and stop the test if a
// literal is not an id), so the fixtures read like the JSON they become.
extension NQLID: ExpressibleByStringLiteral {
    public init(stringLiteral text: String) {
        // The kinds share one rule; the kind only names the error.
        try! self.init(text, .remoteAction)
    }
}

extension NQLQueryID: ExpressibleByStringLiteral {
    public init(stringLiteral text: String) {
        try! self.init(text)
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
