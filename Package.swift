// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "chaff",
    products: [
        .executable(name: "chaff", targets: ["chaff"]),
        .library(name: "ChaffCore", targets: ["ChaffCore"]),
    ],
    targets: [
        // Generated Unicode and reading tables; a target of its own so that core edits never
        // recompile the large literals.
        .target(name: "ChaffData", exclude: ["PROVENANCE.md"]),
        // The engine: documents, rule kinds, loader, reporters. No I/O policy lives here.
        .target(name: "ChaffCore", dependencies: ["ChaffData"]),
        // The default rules from `rules/`, embedded as source so a copied binary still has them.
        .target(name: "ChaffBuiltinRules"),
        // The command line as a library, so tests can run it in-process.
        .target(name: "ChaffCLI", dependencies: ["ChaffCore", "ChaffBuiltinRules"]),
        .executableTarget(name: "chaff", dependencies: ["ChaffCLI"]),
        .testTarget(name: "ChaffCoreTests", dependencies: ["ChaffCore", "ChaffData"]),
        .testTarget(
            name: "ChaffCLITests", dependencies: ["ChaffCLI", "ChaffCore", "ChaffBuiltinRules"]),
    ],
    swiftLanguageModes: [.v6]
)
