/// Messages of the workflow and campaign commands.
extension ShellMessages {
    static func conflictingFilters(_ kind: String, _ words: [String]) -> String {
        "'list workflows' takes at most one \(kind), got \(words.joined(separator: " and "))"
    }

    static let triggerMethodFilter = "trigger method"
    static let dependencyFilter = "dependency"

    static let filterNote = "the API filters on one trigger method and one dependency per call; "
        + "for more, filter the list: list workflows | where ..."

    static func unknownWorkflow(_ id: String) -> String { "unknown workflow '\(id)'" }

    static let listNote = "`list workflows` shows every workflow"
}
