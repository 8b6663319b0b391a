// swift-tools-version:6.1
// 6.1+ is needed for `traits:` on a dependency (Hummingbird without swift-configuration/FullFoundation).
import PackageDescription

/// The static Swift runtime's link arguments export every symbol of the program (about 41,000
/// for nxsh). At start-up the runtime's dladdr() then scans them all (18% of `nxsh -e '1 + 1'`)
/// and the dynamic loader checks each library's symbols against them. Nothing looks them up.
let exportNothing = LinkerSetting.unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux]))

let package = Package(
    name: "nxsh",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "nxsh", targets: ["nxsh"]),
        .executable(name: "nexthink-emulator", targets: ["nexthink-emulator"]),
        .library(name: "NexthinkClient", targets: ["NexthinkClient"]),
        .library(name: "NexthinkEmulator", targets: ["NexthinkEmulator"]),
        .library(name: "NXLanguage", targets: ["NXLanguage"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // Already in the graph through AHC: the client's extra CA roots, the emulator's HTTPS.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // Already in the graph through AHC; tests make a throwaway CA with it.
        .package(url: "https://github.com/apple/swift-certificates", from: "1.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // Already in the graph through AHC (swift-certificates); the audit log's SHA-256 digests.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // The language core: no I/O, no HTTP, no terminal. The host injects all of that.
        .target(name: "NXLanguage"),
        .target(name: "NexthinkClient", dependencies: [
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            "CZlib", "CZstd",
        ]),
        // Must never depend on NexthinkClient: both sides are checked against the official spec.
        .target(name: "NexthinkEmulator", dependencies: [
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "HummingbirdTLS", package: "hummingbird"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            "CZlib", "CZstd",
        ], resources: [.embedInCode("Resources/seed.json"), .embedInCode("Resources/automation.json")]),
        // Export results files come GZIP- or ZSTD-compressed (the client inflates, the emulator deflates).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"]), .brew(["zstd"])]),
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // Not MemberImportVisibility, though it would catch full-Foundation String extensions
        // (loaded by TOMLKit) winning overload resolution: on Linux it attributes Glibc's `stat`
        // and `timespec` to CNIOLinux once NIO's modules are loaded, and rejects plain libc code.
        // `nm` on the static nxsh (scripts/install) shows whether Foundation crept back in.
        .target(name: "NXShell", dependencies: [
            "NXLanguage", "NexthinkClient", "CEditLine",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "TOMLKit", package: "TOMLKit"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .executableTarget(name: "nxsh", dependencies: ["NXShell"], linkerSettings: [exportNothing]),
        // libFuzzer target over lexer, parser and evaluator (scripts/fuzz); inert in a normal build.
        .executableTarget(name: "FuzzNXLanguage", dependencies: ["NXLanguage"], path: "Sources/FuzzNXLanguage",
                         // NXLanguage rounds doubles (libm); other executables get libm through Foundation.
                         linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
        .executableTarget(name: "nexthink-emulator", dependencies: [
            "NexthinkEmulator",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: [exportNothing]),
        .testTarget(name: "NXLanguageTests", dependencies: ["NXLanguage"],
                    resources: [.copy("Golden"), .copy("FuzzCorpus/inputs")]),
        .testTarget(name: "NexthinkEmulatorTests", dependencies: [
            "NexthinkEmulator", "TestSupport",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ]),
        // Test helpers shared by the test targets (child processes awaited off the cooperative pool).
        .target(name: "TestSupport", dependencies: ["NexthinkEmulator"], path: "Tests/TestSupport"),
        .testTarget(name: "NexthinkClientTests", dependencies: ["NexthinkClient", "NexthinkEmulator", "TestSupport"]),
        .testTarget(name: "NXShellTests", dependencies: [
                        "NXShell", "NexthinkClient", "NexthinkEmulator", "NXLanguage", "TestSupport",
                        .product(name: "X509", package: "swift-certificates"),
                        .product(name: "Crypto", package: "swift-crypto"),
                    ],
                    resources: [.copy("Golden")]),
    ],
    swiftLanguageModes: [.v6]
)
