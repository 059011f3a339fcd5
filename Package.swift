// swift-tools-version:6.0
import PackageDescription

// One module per pipeline stage; dependencies point one way (each target below lists every module
// it imports, nothing more):
// policyc (the entry point) -> PolicyCommandLine (the commands, parsed in process by Fuzz/)
// PolicyCommandLine -> PolicyBench -> PolicyCompiler, PolicyLoader; PolicyCommandLine -> PolicyTestRunner, PolicySchema
//   PolicyCompiler (validate, resolve, lower, analyse) -> PolicyLoader -> PolicySyntax -> PolicyDiagnostics
//   PolicyCompiler -> PolicyAnalysis (condition sets, findings, diff) -> PolicyAnswers -> PolicyEvaluator -> DecisionTable
//   PolicyAnswers (facts in, answers out: JSON, compact, text, JSON Lines) -> PolicyJSON (values, parser)
//   PolicyTestRunner (policies/tests cases), PolicySchema (JSON Schemas) -> PolicyLoader, PolicyAnswers
//   PolicyLoader, PolicySyntax -> DecisionTable for dates (Day); PolicyCompiler -> PolicyJSON for dumps
//   PolicyCommandLine -> PolicyLanguageServer (workspace, documents, LSP handlers) -> LanguageServerProtocol
//   (JSON-RPC framing and LSP types, nothing policy-specific), PolicyCompiler, PolicyTestRunner
//   PolicyServer (`policyc serve`: HTTP on Hummingbird) -> PolicyCompiler, PolicyAnswers, PolicySchema
// The evaluator never sees YAML: it reads the compiled DecisionTable only. It knows no JSON either:
// the answer formats build what they need from a table on first use (`Evaluator.formatState`).
let package = Package(
    name: "policyc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "policyc", targets: ["policyc"]),
        // For the fuzz harnesses in Fuzz/ (their own package, built only by scripts/ci/fuzz.sh).
        .library(
            name: "PolicycCore",
            targets: [
                "DecisionTable", "PolicyEvaluator", "PolicyJSON", "PolicyAnswers", "PolicyLoader", "PolicyDiagnostics",
                "LanguageServerProtocol", "PolicyLanguageServer", "PolicyCommandLine",
            ]
        ),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/apple/swift-atomics", from: "1.3.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "PolicyDiagnostics"),
        .target(name: "PolicySyntax", dependencies: ["PolicyDiagnostics", "DecisionTable"]),
        .target(
            name: "PolicyLoader", dependencies: ["CLibYAML", "PolicySyntax", "PolicyDiagnostics", "DecisionTable"]),
        .target(
            name: "DecisionTable",
            dependencies: ["PolicyDiagnostics", .product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "PolicyCompiler",
            dependencies: [
                "PolicyLoader", "PolicySyntax", "PolicyDiagnostics", "DecisionTable", "PolicyAnalysis",
                "PolicyEvaluator", "PolicyJSON",
            ]
        ),
        .target(
            name: "PolicyEvaluator",
            dependencies: ["DecisionTable", .product(name: "Atomics", package: "swift-atomics")]
        ),
        .target(name: "PolicyJSON", dependencies: ["PolicyDiagnostics"]),
        .target(
            name: "PolicyAnswers",
            dependencies: ["DecisionTable", "PolicyEvaluator", "PolicyJSON", "PolicyDiagnostics"]),
        .target(
            name: "PolicyAnalysis", dependencies: ["DecisionTable", "PolicyEvaluator", "PolicyAnswers", "PolicyJSON"]),
        .target(
            name: "PolicySchema",
            dependencies: ["DecisionTable", "PolicyEvaluator", "PolicyAnswers", "PolicyJSON", "PolicyLoader"]),
        .target(
            name: "PolicyBench",
            dependencies: [
                "PolicyCompiler", "PolicyLoader", "PolicyEvaluator", "PolicyAnswers", "PolicyJSON",
                "PolicyDiagnostics", "DecisionTable",
            ]
        ),
        .target(
            name: "PolicyTestRunner",
            dependencies: [
                "PolicyLoader", "PolicyEvaluator", "PolicyAnswers", "PolicyJSON", "PolicyDiagnostics", "DecisionTable",
            ]
        ),
        .target(name: "LanguageServerProtocol"),
        .target(
            name: "PolicyLanguageServer",
            dependencies: [
                "LanguageServerProtocol", "PolicyCompiler", "PolicyTestRunner", "PolicyLoader", "PolicySyntax",
                "PolicyDiagnostics", "DecisionTable", "PolicyEvaluator",
            ]
        ),
        .target(
            name: "PolicyServer",
            dependencies: [
                "PolicyCompiler", "PolicyEvaluator", "PolicyAnswers", "PolicyJSON", "PolicyDiagnostics",
                "DecisionTable", "PolicySchema",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(name: "policyc", dependencies: ["PolicyCommandLine"]),
        .target(
            name: "PolicyCommandLine",
            dependencies: [
                "PolicyTestRunner", "PolicyCompiler", "PolicyEvaluator", "PolicyAnswers", "PolicyJSON",
                "PolicyDiagnostics", "DecisionTable", "PolicyAnalysis", "PolicyBench", "PolicySchema",
                "PolicyLanguageServer", "PolicyServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "PolicyTests",
            dependencies: [
                "PolicyTestRunner", "PolicyCompiler", "PolicyLoader", "PolicyEvaluator", "PolicyAnswers", "PolicyJSON",
                "PolicyDiagnostics",
                "DecisionTable", "PolicyAnalysis", "PolicyBench", "PolicySchema", "PolicySyntax", "PolicyCommandLine",
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "LanguageServerTests",
            dependencies: [
                "LanguageServerProtocol", "PolicyLanguageServer", "PolicyCompiler", "PolicyDiagnostics",
            ]
        ),
        .testTarget(
            name: "PolicyServerTests",
            dependencies: [
                "PolicyServer", "PolicyEvaluator", "PolicyAnswers", "PolicyJSON", "DecisionTable",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ]
        ),
    ]
)
