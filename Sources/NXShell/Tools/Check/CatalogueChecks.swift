#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NXLanguage
import NexthinkClient

/// Checks of literal command parts that need no script to run: ids of remote actions,
/// workflows and campaigns against the catalogue (with did-you-mean), whether a state-changing
/// command may trigger them through the API, input and parameter names, values of closed
/// inputs, and device literals that are not UUIDs (this one also offline). Which catalogue an
/// id belongs to comes from the command table's operand kind.
enum CatalogueChecks {
    static func diagnostics(_ commands: [CommandUse], catalogue: CatalogueCache.Entry?) -> [Diagnostic] {
        commands.flatMap { command in
            var found = devices(command)
            if let catalogue, let kind = CatalogueKind(command.spec.operand) { found += object(command, kind, in: catalogue) }
            return found
        }.sorted { ($0.span?.start ?? 0) < ($1.span?.start ?? 0) }
    }

    private static func devices(_ command: CommandUse) -> [Diagnostic] {
        command.devices.compactMap { device in
            guard UUID(uuidString: device.text.trimmingSpaces()) == nil else { return nil }
            return diagnostic(ShellMessages.invalidDevice(device.text), device.span)
        }
    }

    private static func object(_ command: CommandUse, _ kind: CatalogueKind, in catalogue: CatalogueCache.Entry) -> [Diagnostic] {
        guard let id = command.operandID, let span = command.operandSpan, let ids = catalogue.ids(kind) else { return [] }
        guard ids.contains(id) else {
            return [diagnostic(ShellMessages.unknownID(id, kind, near: Suggest.nearby(id, in: ids)), span)]
        }
        guard command.spec.changesState else { return [] }
        if kind == .action, let action = catalogue.actions.first(where: { $0.id == id }) { return self.action(command, action, span) }
        let item = catalogue.items(kind)?.first { $0.id == id }
        return (item?.triggerProblems ?? []).map { Diagnostic(message: $0, span: span) }
            + parameters(command, of: id, kind, declared: item?.parameters)
    }

    private static func action(_ command: CommandUse, _ action: RemoteAction, _ span: SourceSpan) -> [Diagnostic] {
        var found = action.triggerProblems.map { Diagnostic(message: $0.summary, span: span, notes: [$0.remedy]) }
        found += parameters(command, of: action.id, .action, declared: action.scriptInfo.inputs.map(\.name))
        for parameter in command.parameters {
            guard let input = action.scriptInfo.inputs.first(where: { $0.name == parameter.name }),
                  let value = parameter.value, !input.allowCustomValue, !input.options.isEmpty, !input.options.contains(value)
            else { continue }
            found.append(diagnostic(ShellMessages.valueNotAllowed(value, input: input.name, options: input.options),
                                    parameter.valueSpan))
        }
        return found
    }

    /// Names in `with <...>` that the object does not declare; nothing when it does not say.
    private static func parameters(_ command: CommandUse, of id: String, _ kind: CatalogueKind,
                                   declared: [String]?) -> [Diagnostic] {
        guard let declared else { return [] }
        return command.parameters.filter { !declared.contains($0.name) }.map { parameter in
            diagnostic(ShellMessages.unknownInput(parameter.name, of: id, kind, inputs: declared,
                                                 near: Suggest.nearest(parameter.name, in: declared)),
                       parameter.nameSpan)
        }
    }

    private static func diagnostic(_ text: (String, [String]), _ span: SourceSpan) -> Diagnostic {
        Diagnostic(message: text.0, span: span, notes: text.1)
    }
}
