import Foundation
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

    func catalogue(refresh: Bool) throws(ShellError) -> CatalogueCache.Entry {
        let cache = CatalogueCache(directory: Paths(environment: environment).cacheDirectory, label: label)
        if !refresh, let entry = cache.load() {
            console.message(ShellMessages.catalogueAge(entry.counts, label: label,
                                                      age: CatalogueCache.age(since: entry.fetched), cached: true))
            return entry
        }
        let entry = try fetch()
        cache.store(entry)
        console.message(ShellMessages.catalogueAge(entry.counts, label: label, age: "", cached: false))
        return entry
    }

    /// The profile (or "sandbox") the catalogue belongs to.
    var label: String {
        if options.sandbox { return "sandbox" }
        return options.profile ?? environment["NXSH_PROFILE"] ?? "default"
    }

    private func fetch() throws(ShellError) -> CatalogueCache.Entry {
        let (options, environment, console) = (options, environment, console)
        let result = Blocking.run { () async -> Result<CatalogueCache.Entry, ShellError> in
            let context: ShellContext
            do throws(ShellError) {
                context = try await ShellContext.make(options: options, environment: environment, console: console,
                                                      interactive: false, arguments: [], baseDirectory: ".")
            } catch {
                return .failure(error)
            }
            let result: Result<CatalogueCache.Entry, ShellError>
            do {
                result = .success(try await .fetch(context.connection.client()))
            } catch {
                result = .failure(ShellMessages.catalogueUnavailable(error))
            }
            await context.shutdown()
            return result
        }
        return try (result ?? .failure(ShellMessages.catalogueUnavailable(CancellationError()))).get()
    }
}
