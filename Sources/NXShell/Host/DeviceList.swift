import NXLanguage

extension Value {
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .int: "int"
        case .double: "number"
        case .string: "string"
        case .nqlID: "id"
        case .uuid: "uuid"
        case .duration: "duration"
        case .list: "list"
        case .record: "record"
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return String(s)
    }
}
