import NXLanguage
import Testing

/// The places of a list's elements (attached by the host's `read`) follow the elements through
/// every list operation that keeps them, and a list of no file has none.
struct ListOriginTests {
    /// Lines 2, 4, 5, 6 hold a, c, b, a; line 1 is a comment and line 3 is blank.
    static let files = ["n.txt": "# names\na\n\nc\nb\na\n", "same.txt": "a\nc\nb\na\n"]

    /// Rows of a CSV file, as the shell's `read_csv` gives them: line 1 is the header.
    static let rows = Value.list(ValueList(
        [("cy", "ops"), ("bo", "hr"), ("ant", "dev")].map { .record(Record([("name", .string($0.0)), ("team", .string($0.1))])) },
        origin: ListOrigin(source: "t.csv", lines: [2, 3, 4])))

    /// `name`'s value after running `script` (with `rows` defined), as "element@source:line"
    /// (or "element@-").
    func places(_ script: String, of name: String = "x") async throws -> [String] {
        let interpreter = Interpreter(host: TestHost(files: Self.files))
        await interpreter.define("rows", Self.rows)
        let outcome = await interpreter.run(SourceFile(name: "t.nxs", text: script))
        #expect(outcome.exitCode == 0, "\(outcome.diagnostics)")
        guard case .list(let list)? = await interpreter.value(of: name) else { throw Failure.notAList }
        return list.indices.map { i in
            let text = ValueFormatter.text(list[i])
            return text + "@" + (list.place(at: i).map { "\($0.source):\($0.line)" } ?? "-")
        }
    }

    enum Failure: Error { case notAList }

    @Test func narrowingAndReorderingKeepEachElementsLine() async throws {
        #expect(try await places(#"let x = read("n.txt")"#) == ["a@n.txt:2", "c@n.txt:4", "b@n.txt:5", "a@n.txt:6"])
        #expect(try await places(#"let x = read("n.txt") | where it != "c""#) == ["a@n.txt:2", "b@n.txt:5", "a@n.txt:6"])
        #expect(try await places(#"let x = sort(read("n.txt"))"#) == ["a@n.txt:2", "a@n.txt:6", "b@n.txt:5", "c@n.txt:4"])
        #expect(try await places(#"let x = unique(read("n.txt"))"#) == ["a@n.txt:2", "c@n.txt:4", "b@n.txt:5"])
        #expect(try await places(#"let x = read("n.txt") | first 2"#) == ["a@n.txt:2", "c@n.txt:4"])
        #expect(try await places(#"let x = read("n.txt") | last 1"#) == ["a@n.txt:6"])
        #expect(try await places(#"let x = read("n.txt") | last 9"#).count == 4)
    }

    @Test func rowsKeepTheirLinesThroughSortSelectAndPluck() async throws {
        let script = """
            let sorted = rows | where it.team != "hr" | sort name
            let x = sorted | select name
            let y = sorted | pluck team
            let z = [<name: "new">] + sorted
            """
        #expect(try await places(script) == [#"<name: "ant">@t.csv:4"#, #"<name: "cy">@t.csv:2"#])
        #expect(try await places(script, of: "y") == ["dev@t.csv:4", "ops@t.csv:2"])
        #expect(try await places(script, of: "z").map { $0.split(separator: "@").last ?? "" } == ["-", "t.csv:4", "t.csv:2"])
    }

    @Test func aListOfNoFileHasNoPlaces() async throws {
        #expect(try await places(#"let x = ["a", "c"] + []"#) == ["a@-", "c@-"])
        #expect(try await places("let x = range(2) | where it >= 0") == ["0@-", "1@-"])
        #expect(try await places(#"let x = split("a c", " ")"#) == ["a@-", "c@-"])
    }

    @Test func twoFilesWithEqualContentsEachKeepTheirOwn() async throws {
        let script = "let later = read(\"same.txt\")\nlet x = (read(\"n.txt\") | first 1) + [\"z\"] + (later | last 1)"
        #expect(try await places(script) == ["a@n.txt:2", "z@-", "a@same.txt:4"])
        let equal = "let a = read(\"n.txt\")\nlet b = read(\"same.txt\")\nlet x = [a == b]\nlet y = b"
        #expect(try await places(equal) == ["true@-"])
        #expect(try await places(equal, of: "y").first == "a@same.txt:1")
    }

    @Test func theCommandReceivesThePlacesOfItsDevices() async throws {
        let host = TestHost(files: ["d.txt": "# ids\nnot-a-device\n2bdb0941-2507-40de-854a-3efa1784b26b\n"])
        // The test host refuses the bad id after recording the invocation, as a shell would.
        _ = await Interpreter(host: host).run(SourceFile(name: "t.nxs", text: #"run #restart_service on sort(read("d.txt"))"#))
        let devices = try #require(host.commands.first).list("on")
        #expect(devices.place(at: 0) == ListOrigin.Place(source: "d.txt", line: 3))
        #expect(devices.place(at: 1) == ListOrigin.Place(source: "d.txt", line: 2))
    }

    @Test func equalityIgnoresPlaces() {
        let read = ValueList([.string("a")], origin: ListOrigin(source: "a.txt", lines: [3]))
        #expect(Value.list(read) == .list([.string("a")]))
        #expect(read == ValueList([.string("a")], origin: ListOrigin(source: "b.txt", lines: [9])))
        #expect(Value.list(read) != .list([.string("b")]))
    }

    /// A place costs a `Value` no byte: the list payload stays 16 bytes like a string's.
    @Test func aValueIsNoLargerThanAStringPayloadAndATag() {
        #expect(MemoryLayout<Value>.size == MemoryLayout<String>.size + 1)
    }
}
