import Hummingbird
import NIOCore

/// Request context that keeps the connection's channel, so a fault can close it without
/// an answer (what a crashed gateway or a network cut looks like to the client).
struct EmulatorContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// 10,000 UUIDs are ~400 KB; leave ample room above the 2 MB default for padding and params.
    var maxUploadSize: Int { 16 << 20 }
}
