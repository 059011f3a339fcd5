// swift-tools-version:6.0
// Hummingbird 2's smallest server, for scripts/benchmarks/bench_framework_ceiling.sh (a benchmark, not a
// part of policyc): what the framework itself serves on this machine, beside policyc serve.
import PackageDescription

let package = Package(
    name: "framework-ceiling",
    dependencies: [.package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1")],
    targets: [
        .executableTarget(name: "hello", dependencies: [.product(name: "Hummingbird", package: "hummingbird")])
    ]
)
