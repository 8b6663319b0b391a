/// The messages of the workflow and campaign commands, in one place.
enum WorkflowMessages {
    static func conflictingFilters(_ kind: String, _ words: [String]) -> String {
        "'list workflows' takes at most one \(kind), got \(words.joined(separator: " and "))"
    }

    static let filterNote = "the API filters on one trigger method and one dependency per call; "
        + "for more, filter the list: list workflows | where ..."

    static func unknownWorkflow(_ id: String) -> String { "unknown workflow '\(id)'" }

    static func didYouMean(_ ids: [String]) -> String { "did you mean " + ids.joined(separator: ", ") + "?" }

    static let listNote = "`list workflows` shows every workflow"
}
