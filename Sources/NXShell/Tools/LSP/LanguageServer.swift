import Foundation
import NXLanguage

/// `nxsh lsp`: a Language Server (LSP 3.17, JSON-RPC over stdio). Diagnostics are `nxsh check`'s;
/// the catalogue comes from the disk cache only, so the server never makes a call at all.
final class LanguageServer {
    private let stream: MessageStream
    private let catalogue: CatalogueCache.Entry?
    private var documents: [String: String] = [:]
    private var shutdownRequested = false

    init(stream: MessageStream, catalogue: CatalogueCache.Entry?) {
        self.stream = stream
        self.catalogue = catalogue
    }

    static func serve(options: ShellOptions, environment: [String: String]) -> Int32 {
        let label = options.sandbox ? "sandbox" : options.profile ?? environment["NXSH_PROFILE"] ?? "default"
        let cache = CatalogueCache(directory: Paths(environment: environment).cacheDirectory, label: label)
        return LanguageServer(stream: MessageStream(), catalogue: cache.load()).run()
    }

    /// Serves until `exit` (0 after `shutdown`, 1 otherwise) or the end of input.
    func run() -> Int32 {
        while true {
            switch stream.next() {
            case .end: return shutdownRequested ? ExitStatus.ok : ExitStatus.failure
            case .malformed(let code, let message): stream.send(Self.error(id: NSNull(), code: code, message))
            case .message(let json):
                guard let message = json as? [String: Any], let method = message["method"] as? String else {
                    stream.send(Self.error(id: (json as? [String: Any])?["id"] ?? NSNull(), code: -32600, ShellMessages.notARequest))
                    continue
                }
                if method == "exit" { return shutdownRequested ? ExitStatus.ok : ExitStatus.failure }
                handle(method, id: message["id"], params: message["params"] as? [String: Any] ?? [:])
            }
        }
    }

    private func handle(_ method: String, id: Any?, params: [String: Any]) {
        let uri = (params["textDocument"] as? [String: Any])?["uri"] as? String ?? ""
        switch method {
        case "initialize": reply(id, Self.capabilities)
        case "initialized", "$/setTrace", "$/cancelRequest", "workspace/didChangeConfiguration": break
        case "shutdown":
            shutdownRequested = true
            reply(id, NSNull())
        case "textDocument/didOpen":
            documents[uri] = (params["textDocument"] as? [String: Any])?["text"] as? String ?? ""
            publish(uri)
        case "textDocument/didChange":
            let changes = params["contentChanges"] as? [[String: Any]] ?? []
            if let text = changes.last?["text"] as? String { documents[uri] = text }
            publish(uri)
        case "textDocument/didClose":
            documents[uri] = nil
            stream.send(Self.notification("textDocument/publishDiagnostics", ["uri": uri, "diagnostics": [Any]()]))
        case "textDocument/completion", "textDocument/hover", "textDocument/formatting", "textDocument/documentSymbol":
            guard let text = documents[uri] else { return reply(id, NSNull()) }
            let features = LanguageFeatures(uri: uri, text: text, catalogue: catalogue)
            reply(id, features.answer(method, params: params))
        default:
            // Requests get an error; unknown notifications are ignored, as the protocol asks.
            if let id { stream.send(Self.error(id: id, code: -32601, ShellMessages.methodNotFound(method))) }
        }
    }

    private func publish(_ uri: String) {
        let text = documents[uri] ?? ""
        let file = SourceFile(name: uri, text: text)
        let analysis = Tools.analyze(file)
        var diagnostics = analysis.diagnostics
        if diagnostics.isEmpty { diagnostics = CatalogueChecks.diagnostics(analysis.commands, catalogue: catalogue) }
        let positions = Positions(text)
        let items: [[String: Any]] = diagnostics.map { diagnostic in
            let span = diagnostic.span ?? SourceSpan(start: 0, end: 0)
            let notes = diagnostic.notes.map { "\nnote: \($0)" }.joined()
            return ["range": positions.range(of: span), "severity": diagnostic.severity == .error ? 1 : 2,
                    "source": "nxsh", "message": diagnostic.message + notes]
        }
        stream.send(Self.notification("textDocument/publishDiagnostics", ["uri": uri, "diagnostics": items]))
    }

    private func reply(_ id: Any?, _ result: Any) {
        guard let id else { return }
        stream.send(["jsonrpc": "2.0", "id": id, "result": result])
    }

    static func error(id: Any, code: Int, _ message: String) -> [String: Any] {
        ["jsonrpc": "2.0", "id": id, "error": ["code": code, "message": message]]
    }

    static func notification(_ method: String, _ params: [String: Any]) -> [String: Any] {
        ["jsonrpc": "2.0", "method": method, "params": params]
    }

    static var capabilities: [String: Any] { [
        "capabilities": [
            "textDocumentSync": 1,
            "completionProvider": ["triggerCharacters": ["#", "<", " "]],
            "hoverProvider": true,
            "documentFormattingProvider": true,
            "documentSymbolProvider": true,
            "positionEncoding": "utf-16",
        ] as [String: Any],
        "serverInfo": ["name": "nxsh", "version": ShellVersion.current],
    ] }
}
