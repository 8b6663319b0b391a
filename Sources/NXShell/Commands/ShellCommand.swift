import NXLanguage

/// One command of `CommandTable`, on the shell's side. `validate` turns the evaluated
/// invocation into a checked plan and sends nothing that changes state (it may read, e.g. the
/// action's details); `perform` carries the plan out. A new command is one file conforming to
/// this protocol plus its line in `CommandRegistry`.
protocol ShellCommand: Sendable {
    associatedtype Plan: Sendable
    /// `CommandSpec.name` of the command's table entry.
    static var name: String { get }
    func validate(_ invocation: CommandInvocation, _ context: CommandContext) async throws -> Plan
    func perform(_ plan: Plan, _ context: CommandContext) async throws -> Value
}

extension ShellCommand {
    /// The table entry: words, operand, clauses, usage and help.
    static var describe: CommandSpec? { CommandTable.spec(named: name) }

    func run(_ invocation: CommandInvocation, _ context: CommandContext) async throws -> Value {
        try await perform(try await validate(invocation, context), context)
    }
}

/// Commands whose invocation is already all they need.
protocol DirectCommand: ShellCommand where Plan == CommandInvocation {}

extension DirectCommand {
    func validate(_ invocation: CommandInvocation, _ context: CommandContext) async throws -> CommandInvocation {
        invocation
    }
}
