#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NXLanguage
import NexthinkClient

/// Checks of literal command parts that need no script to run: action ids against the
/// catalogue (with did-you-mean), API enablement, input names, values of closed inputs, and
/// device literals that are not UUIDs (this one also offline).
enum CatalogueChecks {
    static func diagnostics(_ commands: [CommandUse], actions: [RemoteAction]?) -> [Diagnostic] {
        commands.flatMap { command in
            var found = devices(command)
            if let actions, ["run", "get"].contains(command.name) { found += action(command, in: actions) }
            return found
        }.sorted { ($0.span?.start ?? 0) < ($1.span?.start ?? 0) }
    }

    private static func devices(_ command: CommandUse) -> [Diagnostic] {
        command.devices.compactMap { device in
            guard UUID(uuidString: device.text.trimmingSpaces()) == nil else { return nil }
            return diagnostic(ToolMessages.invalidDevice(device.text), device.span)
        }
    }

    private static func action(_ command: CommandUse, in actions: [RemoteAction]) -> [Diagnostic] {
        guard let id = command.operandID, let span = command.operandSpan else { return [] }
        guard let action = actions.first(where: { $0.id == id }) else {
            return [diagnostic(ToolMessages.unknownAction(id, near: Suggest.nearby(id, in: actions.map(\.id))), span)]
        }
        guard command.name == "run" else { return [] }
        var found: [Diagnostic] = []
        if !action.targeting.apiEnabled { found.append(diagnostic(ToolMessages.notAPIEnabled(id), span)) }
        let inputs = action.scriptInfo.inputs
        for parameter in command.parameters {
            guard let input = inputs.first(where: { $0.name == parameter.name }) else {
                let names = inputs.map(\.name)
                found.append(diagnostic(ToolMessages.unknownInput(parameter.name, action: id, inputs: names,
                                                                  near: Suggest.nearest(parameter.name, in: names)),
                                        parameter.nameSpan))
                continue
            }
            if let value = parameter.value, !input.allowCustomValue, !input.options.isEmpty, !input.options.contains(value) {
                found.append(diagnostic(ToolMessages.valueNotAllowed(value, input: input.name, options: input.options),
                                        parameter.valueSpan))
            }
        }
        return found
    }

    private static func diagnostic(_ text: (String, [String]), _ span: SourceSpan) -> Diagnostic {
        Diagnostic(message: text.0, span: span, notes: text.1)
    }
}
