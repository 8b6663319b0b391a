/// What the tools (`nxsh check`, the language server) learn from a source without running it:
/// the parser's and the resolver's diagnostics, the names it binds and the commands it writes.
public struct Analysis: Sendable {
    /// Syntax errors, or (when there are none) the resolver's errors; sorted by position.
    public var diagnostics: [Diagnostic]
    public var bindings: [Binding]
    public var commands: [CommandUse]

    /// `globals` are the names predefined by the host (`args`, `dryrun`); `hostFunctions` its
    /// functions (`read`, `now`).
    public static func analyze(_ file: SourceFile, globals: [String], hostFunctions: [String]) -> Analysis {
        let (statements, syntax) = Parser.parse(file)
        guard syntax.isEmpty else { return Analysis(diagnostics: syntax, bindings: [], commands: []) }
        let resolver = Resolver.resolve(statements, known: globals, hostFunctions: hostFunctions)
        return Analysis(diagnostics: resolver.diagnostics, bindings: resolver.bindings, commands: resolver.commands)
    }

    /// Names bound at `offset`: globals declared earlier, and those of the blocks around it.
    public func names(visibleAt offset: Int) -> [String] {
        bindings.filter { $0.visibleFrom <= offset && offset <= ($0.visibleUntil ?? Int.max) }.map(\.name).uniqued()
    }
}

/// A name bound by `let` or a `for` loop.
public struct Binding: Sendable, Equatable {
    public enum Kind: Sendable { case variable, loopVariable }
    public var name: String
    public var kind: Kind
    /// The name where it is declared.
    public var span: SourceSpan
    public var visibleFrom: Int
    /// The end of the enclosing block; `nil` at the top level.
    public var visibleUntil: Int?
}

/// A command as written, with the parts that are literals (so they can be checked against the
/// service's catalogue before anything runs).
public struct CommandUse: Sendable {
    /// The command's table entry: its operand kind says which catalogue an id belongs to.
    public var spec: CommandSpec
    public var span: SourceSpan
    /// A literal `#id` (or string) operand, always with its `#`.
    public var operandID: String?
    public var operandSpan: SourceSpan?
    /// Literal keys of a `with <...>` map, with their value when it is a literal scalar.
    public var parameters: [Parameter]
    /// Literal elements of the `on` clause (strings and UUIDs).
    public var devices: [(text: String, span: SourceSpan)]

    public struct Parameter: Sendable {
        public var name: String
        public var nameSpan: SourceSpan
        public var value: String?
        public var valueSpan: SourceSpan
    }

    public var name: String { spec.name }
}

extension CommandUse {
    init(_ call: CommandCall, span: SourceSpan) {
        spec = call.spec
        self.span = span
        if let operand = call.operand, call.spec.operand.isNQLID, case .literal(let value) = operand.kind {
            switch value {
            case .nqlID(let id), .string(let id): operandID = Value.idText(id)
            default: break
            }
            operandSpan = operand.span
        }
        parameters = []
        if let with = call.clause("with"), case .map(let entries) = with.value.kind {
            parameters = entries.map { entry in
                let text: String? = if case .literal(let value) = entry.value.kind, value != .null { ValueFormatter.text(value) } else { nil }
                return Parameter(name: entry.key, nameSpan: entry.keySpan, value: text, valueSpan: entry.value.span)
            }
        }
        devices = []
        if let on = call.clause("on") {
            let elements = if case .list(let items) = on.value.kind { items } else { [on.value] }
            for element in elements {
                if case .literal(.string(let text)) = element.kind { devices.append((text, element.span)) }
                if case .literal(.uuid(let text)) = element.kind { devices.append((text, element.span)) }
            }
        }
    }
}
