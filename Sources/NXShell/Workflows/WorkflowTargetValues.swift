import NXLanguage
import NexthinkClient

/// The `on` (devices) and `users` lists of `run workflow` → targets. Plain ids mean v1
/// (Collector UUIDs, SIDs); any record (`<name: "LAPTOP-01">`, `<upn: "a@acme.com">`) means
/// v2 for the whole run, with plain ids read as `collectorUid` / `sid`. Every element is
/// checked against the document's patterns and nothing is sent while any is wrong.
struct WorkflowTargetValues {
    var targets: [WorkflowTarget] = []
    var deviceCount = 0
    var userCount = 0
    var duplicatesDropped = 0
    var externalIDs = false

    static let deviceFields = ["name", "uid", "collectorUid"]
    static let userFields = ["sid", "upn", "uid"]

    private struct Problem {
        var clause: String
        var index: Int
        /// The element's file line, when it came from `read()`.
        var place: ListOrigin.Place?
        var message: String

        var text: String { ShellMessages.targetProblem(clause, index, place, message) }
    }

    static func collect(_ command: CommandInvocation) throws -> WorkflowTargetValues {
        let devices = command.list("on"), users = command.list("users")
        var result = WorkflowTargetValues()
        result.externalIDs = (devices + users).contains { if case .record = $0 { true } else { false } }
        var problems: [Problem] = []
        var seen = Set<WorkflowTarget>()
        for (clause, values) in [("on", devices), ("users", users)] {
            for (index, value) in values.enumerated() {
                switch target(value, device: clause == "on") {
                case .failure(let problem):
                    problems.append(Problem(clause: clause, index: index, place: values.place(at: index), message: problem.message))
                case .success(let target):
                    if seen.insert(target).inserted {
                        result.targets.append(target)
                        if target.isDevice { result.deviceCount += 1 } else { result.userCount += 1 }
                    } else {
                        result.duplicatesDropped += 1
                    }
                }
            }
        }
        if let first = problems.first {
            let notes = problems.count == 1 ? [ShellMessages.targetsNote]
                : problems.map(\.text) + [ShellMessages.targetsNote]
            let text = problems.count == 1 ? first.text
                : ShellMessages.invalidTargets(problems.count, of: devices.count + users.count)
            throw HostError(text, notes: notes, span: command.spans.clauses[first.clause]?.element(first.index),
                            exitCode: ExitStatus.runtime)
        }
        return result
    }

    private struct Refusal: Error { var message: String }

    /// The target, checked by its constructor (`WorkflowDevice`, `WorkflowUser`); what is
    /// wrong with it otherwise.
    private static func target(_ value: Value, device: Bool) -> Result<WorkflowTarget, Refusal> {
        do {
            return .success(try checked(value, device: device))
        } catch let refusal as Refusal {
            return .failure(refusal)
        } catch {
            return .failure(Refusal(message: (error as? NexthinkError)?.problems.map(\.message).joined() ?? "\(error)"))
        }
    }

    private static func checked(_ value: Value, device: Bool) throws -> WorkflowTarget {
        switch value {
        case .uuid(let s), .string(let s):
            let id = DeviceIDs.trimmed(s)
            return device ? .device(try WorkflowDevice(collectorUid: id)) : .user(try WorkflowUser(sid: id))
        case .record(let record):
            var fields: [String: String] = [:]
            let allowed = device ? deviceFields : userFields
            for (key, field) in record.fields {
                guard allowed.contains(key) else {
                    throw Refusal(message: ShellMessages.unknownTargetField(key, device: device, allowed: allowed))
                }
                switch field {
                case .string(let s), .uuid(let s): fields[key] = DeviceIDs.trimmed(s)
                default: throw Refusal(message: ShellMessages.targetFieldType(key, field.typeName))
                }
            }
            return device ? .device(try WorkflowDevice(name: fields["name"], uid: fields["uid"], collectorUid: fields["collectorUid"]))
                : .user(try WorkflowUser(sid: fields["sid"], upn: fields["upn"], uid: fields["uid"]))
        default:
            throw Refusal(message: ShellMessages.targetType(value.typeName, device: device))
        }
    }
}
