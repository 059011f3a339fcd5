// swift-tools-version:6.0
import PackageDescription

// libFuzzer harnesses for policyc, kept out of the main package so `swift build` never builds them.
// Build and run them with scripts/ci/fuzz.sh (which passes -sanitize=fuzzer,address -parse-as-library).
let package = Package(
    name: "policyc-fuzz",
    dependencies: [.package(name: "policyc", path: "..")],
    targets: [
        .target(name: "CFuzzer"),
        .executableTarget(
            name: "FuzzFacts", dependencies: ["CFuzzer", .product(name: "PolicycCore", package: "policyc")]),
        .executableTarget(
            name: "FuzzYAML", dependencies: ["CFuzzer", .product(name: "PolicycCore", package: "policyc")]),
        .executableTarget(
            name: "FuzzTable", dependencies: ["CFuzzer", .product(name: "PolicycCore", package: "policyc")]),
        .executableTarget(
            name: "FuzzLSP", dependencies: ["CFuzzer", .product(name: "PolicycCore", package: "policyc")]),
        .executableTarget(
            name: "FuzzCommandLine", dependencies: ["CFuzzer", .product(name: "PolicycCore", package: "policyc")]),
    ]
)
