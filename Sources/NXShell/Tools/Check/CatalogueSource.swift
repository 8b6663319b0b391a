#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NexthinkClient

/// The catalogue for `check` and the language server: from the disk cache, or fetched (GET
/// only) through the same connection a run would use, then cached.
struct CatalogueSource {
    let options: ShellOptions
    let environment: [String: String]
    let console: Console

    init(options: ShellOptions, environment: [String: String], console: Console) {
        self.options = options
        self.environment = environment
        self.console = console
    }

    func actions(refresh: Bool) throws(ShellError) -> [RemoteAction] {
        let cache = CatalogueCache(directory: Paths(environment: environment).cacheDirectory, label: label)
        if !refresh, let entry = cache.load() {
            console.message(ToolMessages.catalogueAge(entry.actions.count, label: label,
                                                      age: CatalogueCache.age(since: entry.fetched), cached: true))
            return entry.actions
        }
        let actions = try fetch()
        cache.store(actions)
        console.message(ToolMessages.catalogueAge(actions.count, label: label, age: "", cached: false))
        return actions
    }

    /// The profile (or "sandbox") the catalogue belongs to.
    var label: String {
        if options.sandbox { return "sandbox" }
        return options.profile ?? environment["NXSH_PROFILE"] ?? "default"
    }

    private func fetch() throws(ShellError) -> [RemoteAction] {
        let (options, environment, console) = (options, environment, console)
        let result = Blocking.run { () async -> Result<[RemoteAction], ShellError> in
            let context: ShellContext
            do throws(ShellError) {
                context = try await ShellContext.make(options: options, environment: environment, console: console,
                                                      interactive: false, arguments: [], baseDirectory: ".")
            } catch {
                return .failure(error)
            }
            let result: Result<[RemoteAction], ShellError>
            do {
                result = .success(try await context.connection.client().listRemoteActions())
            } catch {
                result = .failure(ToolMessages.catalogueUnavailable(error))
            }
            await context.shutdown()
            return result
        }
        return try (result ?? .failure(ToolMessages.catalogueUnavailable(CancellationError()))).get()
    }
}
