// swift-tools-version:6.0
import PackageDescription

// One module per pipeline stage; dependencies point one way (each target below lists every module
// it imports, nothing more):
// policyc (CLI) -> PolicyBench -> PolicyCompiler; policyc -> PolicyTestRunner, PolicySchema
//   PolicyCompiler (validate, resolve, lower, analyse) -> PolicyLoader -> PolicySyntax -> PolicyDiagnostics
//   PolicyCompiler -> PolicyAnalysis (condition sets, findings, diff) -> PolicyEvaluator -> DecisionTable
//   PolicyTestRunner (policies/tests cases), PolicySchema (JSON Schemas) -> PolicyLoader, PolicyEvaluator
//   PolicyLoader, PolicySyntax -> DecisionTable for dates (Day); PolicyCompiler -> PolicyEvaluator for JSON
//   PolicyServer (`policyc serve`: HTTP on Hummingbird) -> PolicyCompiler, PolicyEvaluator, PolicySchema
// The evaluator never sees YAML: it reads the compiled DecisionTable only.
let package = Package(
    name: "policyc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "policyc", targets: ["policyc"]),
        // For the fuzz harnesses in Fuzz/ (their own package, built only by scripts/fuzz.sh).
        .library(
            name: "PolicycCore", targets: ["DecisionTable", "PolicyEvaluator", "PolicyLoader", "PolicyDiagnostics"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
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
        .target(name: "DecisionTable", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "PolicyCompiler",
            dependencies: [
                "PolicyLoader", "PolicySyntax", "PolicyDiagnostics", "DecisionTable", "PolicyAnalysis",
                "PolicyEvaluator",
            ]
        ),
        .target(name: "PolicyEvaluator", dependencies: ["DecisionTable", "PolicyDiagnostics"]),
        .target(name: "PolicyAnalysis", dependencies: ["DecisionTable", "PolicyEvaluator"]),
        .target(name: "PolicySchema", dependencies: ["DecisionTable", "PolicyEvaluator", "PolicyLoader"]),
        .target(
            name: "PolicyBench",
            dependencies: ["PolicyCompiler", "PolicyEvaluator", "PolicyDiagnostics", "DecisionTable"]
        ),
        .target(
            name: "PolicyTestRunner",
            dependencies: ["PolicyLoader", "PolicyEvaluator", "PolicyDiagnostics", "DecisionTable"]
        ),
        .target(
            name: "PolicyServer",
            dependencies: [
                "PolicyCompiler", "PolicyEvaluator", "PolicyDiagnostics", "DecisionTable", "PolicySchema",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "policyc",
            dependencies: [
                "PolicyTestRunner", "PolicyCompiler", "PolicyEvaluator", "PolicyDiagnostics", "DecisionTable",
                "PolicyAnalysis", "PolicyBench", "PolicySchema", "PolicyServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "PolicyTests",
            dependencies: [
                "PolicyTestRunner", "PolicyCompiler", "PolicyLoader", "PolicyEvaluator", "PolicyDiagnostics",
                "DecisionTable", "PolicyAnalysis", "PolicyBench", "PolicySchema", "PolicySyntax",
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "PolicyServerTests",
            dependencies: [
                "PolicyServer", "PolicyEvaluator", "DecisionTable",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
    ]
)
