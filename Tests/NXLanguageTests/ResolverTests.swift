@testable import NXLanguage
import Testing

/// The resolve stage: what it finds before anything runs, and what it must leave alone.
struct ResolverTests {
    private func problems(_ source: String, globals: [String] = ["args", "dryrun"]) -> [String] {
        Analysis.analyze(SourceFile(name: "t.nxs", text: source), globals: globals,
                         hostFunctions: ["now", "read"]).diagnostics.map(\.message)
    }

    @Test func aTypoAfterTheFirstRunStopsEverythingBeforeItIsSent() async {
        let (outcome, host) = await run("""
            run #get_battery_status on [2bdb0941-2507-40de-854a-3efa1784b26b]
            print devcies
            """)
        #expect(outcome.exitCode == 65)
        #expect(host.commands.isEmpty)
        #expect(outcome.diagnostics.map(\.message) == ["unknown variable 'devcies'"])
    }

    @Test func validScriptsStayValid() {
        #expect(problems("""
            let total = 0
            for n in [1, 2, 3] { if n > 1 { total = total + n } else { let skipped = n } }
            let rows = [<status: "failure", n: 1>] | where status == "failure" and n > 0 | first total
            print rows, _, args, dryrun, read("x"), now(), split("a b"), split("a,b", ","), contains("ab", "a")
            let r = run #get_battery_status on [2bdb0941-2507-40de-854a-3efa1784b26b] expires 2h with <A: 1, B: "x">
            """) == [])
    }

    @Test func findsEveryCertainErrorWithTheEvaluatorsWording() {
        #expect(problems("""
            print x
            if true { let local = 1 }
            print local
            undeclared = 1
            print upper("a", "b"), cont([1]), frob()
            """) == [
                "unknown variable 'x'",
                "unknown variable 'local'",
                "cannot assign to undeclared variable 'undeclared'",
                "upper() takes 1 argument, got 2",
                "unknown function 'cont'",
                "unknown function 'frob'",
            ])
    }

    @Test func aLoopVariableAndBlockLetsEndWithTheirBlock() {
        #expect(problems("for i in [1] { print i }\nprint i") == ["unknown variable 'i'"])
        #expect(problems("let x = x + 1") == ["unknown variable 'x'"])
    }

    @Test func replGlobalsAndPredefinedNamesAreKnown() async {
        let host = TestHost()
        let interpreter = Interpreter(host: host, variables: ["args": .list([])])
        #expect(await interpreter.run(SourceFile(name: "<repl>", text: "let devs = args")).exitCode == 0)
        #expect(await interpreter.run(SourceFile(name: "<repl>", text: "print count(devs), args")).exitCode == 0)
        #expect(await interpreter.run(SourceFile(name: "<repl>", text: "print explode")).exitCode == 65)
    }

    @Test func literalCommandPartsOfTheWrongType() {
        #expect(problems("""
            get 5
            run #a on 5 expires 90s reason 3
            run #a on [2bdb0941-2507-40de-854a-3efa1784b26b] with <A: [1]>
            wait 1 timeout "2h"
            """) == [
                "the id given to 'get' must be an NQL id such as #get_battery_status, got int",
                "the devices of 'run' must be a list of device ids or one device id, got int",
                "'expires' must be a whole number of minutes, got 1m30s",
                "'reason' must be a string, got int",
                "parameter 'A' must be a string, number or bool, got list",
                "'timeout' must be a duration such as 90m or 2h, got string",
            ])
    }

    /// `Builtins.arity` must say what each built-in itself accepts.
    @Test(arguments: Builtins.names)
    func arityTableMatchesTheBuiltin(_ name: String) throws {
        let function = try #require(Builtins.function(named: name))
        let arity = try #require(Builtins.arity[name])
        for count in 0...3 {
            let arguments = Array(repeating: Value.list([.int(1)]), count: count)
            var countRejected = false
            do { _ = try function(arguments) } catch { countRejected = error.message.text.contains("takes") }
            #expect(countRejected == !arity.contains(count), "\(name) with \(count) arguments")
        }
    }

    @Test func bindingsAndCommandsForTheTools() throws {
        let analysis = Analysis.analyze(SourceFile(name: "t.nxs", text: """
            let devs = ["not-a-uuid"]
            if true { let inner = 1 }
            run #restart_service on [3fa85f64-5717-4562-b3fc-2c963f66afa6, "x"] with <ServiceName: "Spooler", N: n>
            """), globals: [], hostFunctions: [])
        #expect(analysis.bindings.map(\.name) == ["devs", "inner"])
        #expect(analysis.names(visibleAt: 200) == ["devs"])
        let run = try #require(analysis.commands.first)
        #expect(run.operandID == "#restart_service")
        #expect(run.parameters.map(\.name) == ["ServiceName", "N"])
        #expect(run.parameters.map(\.value) == ["Spooler", nil])
        #expect(run.devices.map(\.text) == ["3fa85f64-5717-4562-b3fc-2c963f66afa6", "x"])
    }

    /// A statement's node keeps no span for the name it binds: it is lexed again from the head.
    @Test func bindingsAndErrorsPointAtTheNames() {
        let text = "let  total = (1)\nfor\tx in [1] {\n    total = x\n}\n  y = 2\n"
        let analysis = Analysis.analyze(SourceFile(name: "t", text: text), globals: [], hostFunctions: [])
        #expect(analysis.bindings.map(\.name) == ["total", "x"])
        #expect(analysis.bindings.map(\.span) == [SourceSpan(start: 5, end: 10), SourceSpan(start: 21, end: 22)])
        let y = text.utf8.count - 6
        #expect(analysis.diagnostics.map(\.span) == [SourceSpan(start: y, end: y + 1)])
    }
}
