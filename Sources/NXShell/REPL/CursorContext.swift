import NXLanguage

/// What the text before the cursor says about the command being written. REPL completion and
/// the language server read it the same way, from the command table, so a new command such as
/// `run campaign #id … with <` is completed as soon as its table entry exists. `table` is
/// `CommandTable.all` except in tests.
enum CursorContext {
    /// The command whose words end `text`, the longest first: `get workflow` in `get workflow `.
    static func command(endingAt text: Substring, in table: [CommandSpec] = CommandTable.all) -> CommandSpec? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "=" || $0 == "(" })
        for count in [2, 1] where words.count >= count {
            let name = words.suffix(count).joined(separator: " ")
            if let spec = table.first(where: { $0.name == name }) { return spec }
        }
        return nil
    }

    /// The second words of the two-word commands that start with `spec`'s word (`workflow`,
    /// `campaign` after `run`), offered where that command's operand is.
    static func secondWords(after spec: CommandSpec?, in table: [CommandSpec] = CommandTable.all) -> [String] {
        guard let spec, spec.words.count == 1 else { return [] }
        return table.filter { $0.words.count == 2 && $0.words[0] == spec.words[0] }.map { $0.words[1] }
    }

    /// Inside `… #id … with <` with the map still open, at a key position: the object whose
    /// input or parameter names to offer. Its kind is the operand kind of the command before
    /// the `#id`.
    static func openParameterMap(_ before: Substring, in table: [CommandSpec] = CommandTable.all) -> (kind: CatalogueKind, id: String)? {
        guard let open = before.ranges(of: "<").last else { return nil }
        let inside = before[open.upperBound...]
        guard !inside.contains(">" as Character), !inside[(inside.lastIndex(of: ",") ?? inside.startIndex)...].contains(":" as Character) else { return nil }
        let head = String(before[..<open.lowerBound]).trimmingSpaces()
        guard head.hasSuffix("with"), let hash = head.ranges(of: "#").last else { return nil }
        let id = "#" + head[hash.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        guard let spec = command(endingAt: head[..<hash.lowerBound], in: table), let kind = CatalogueKind(spec.operand) else { return nil }
        return (kind, id)
    }
}
