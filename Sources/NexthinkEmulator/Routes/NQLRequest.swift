/// A valid NQL execute/export request (spec `NqlApiExecuteRequest` / `NqlApiExportRequest`).
struct NQLRequest {
    var queryID: String
    var parameters: [String: String]
    var compression: String?

    struct Problem: Error {
        var message: String
        var source: String
    }

    static func parse(_ body: some Collection<UInt8>) -> Result<NQLRequest, Problem> {
        guard let json = try? JSONValue.parse(body), case .object(let fields) = json else {
            return .failure(.init(message: ##"request body must be a JSON object such as {"queryId": "#devices", "parameters": {}}"##,
                                  source: "body"))
        }
        guard let idValue = fields["queryId"], let id = idValue.stringValue else {
            return .failure(.init(message: "queryId is required and must be a string such as \"#devices\"", source: "queryId"))
        }
        var request = NQLRequest(queryID: id, parameters: [:])
        if let params = fields["parameters"], params != .null {
            guard case .object(let entries) = params else {
                return .failure(.init(message: "parameters must be an object of name to string value", source: "parameters"))
            }
            for (name, value) in entries {
                guard let s = value.stringValue else {
                    return .failure(.init(message: "parameters.\(name) must be a string, not \(value.typeName)", source: "parameters"))
                }
                request.parameters[name] = s
            }
        }
        if let compression = fields["compression"], compression != .null {
            guard let c = compression.stringValue else {
                return .failure(.init(message: "compression must be one of NONE, GZIP, ZSTD", source: "compression"))
            }
            request.compression = c
        }
        return request.validated()
    }

    /// Checks shared by the body and query-string forms. Only the body schema has a pattern for
    /// `queryId`; in a query string a malformed id is simply one no saved query has (404).
    func validated(checkPattern: Bool = true) -> Result<NQLRequest, Problem> {
        guard !checkPattern || Self.isQueryID(queryID) else {
            return .failure(.init(message: "queryId '\(queryID.prefix(80))' must match ^#[a-z0-9_]{2,255}$ (a saved query id such as #devices)",
                                  source: "queryId"))
        }
        if let compression, !["NONE", "GZIP", "ZSTD"].contains(compression) {
            return .failure(.init(message: "compression must be one of NONE, GZIP, ZSTD, not '\(compression.prefix(40))'",
                                  source: "compression"))
        }
        return .success(self)
    }

    static func isQueryID(_ s: String) -> Bool {
        let rest = s.utf8.dropFirst()
        return s.hasPrefix("#") && (2...255).contains(rest.count)
            && rest.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
    }
}
