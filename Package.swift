// swift-tools-version: 6.0
import PackageDescription

// Modules depend one way, top to bottom (docs/architecture.md draws them):
//   chaff → ChaffCLI → ChaffRunner → ChaffReporters, ChaffKinds → ChaffEngine → ChaffText → ChaffData
// A module imports only what its target lists here, so the build refuses an edge that points up.
let package = Package(
    name: "chaff",
    products: [
        .executable(name: "chaff", targets: ["chaff"]),
        // The linter as a library: make documents, load rules, lint, report.
        .library(name: "ChaffKit", targets: ["ChaffEngine", "ChaffKinds", "ChaffReporters", "ChaffRunner"]),
    ],
    targets: [
        // Generated Unicode and reading tables; a target of its own so that other edits never
        // recompile the large literals.
        .target(name: "ChaffData", exclude: ["PROVENANCE.md"]),
        // Byte-level text: UTF-8, positions and line index, search, JSON, sentences, and the
        // positioned errors of reading a JSON object.
        .target(name: "ChaffText", dependencies: ["ChaffData"]),
        // The engine: documents, formats and their maskers (catalogues too), scopes, the
        // `RuleKind` protocol, rules, the linter, findings, diagnostics, fixes, suppression,
        // encodings. It reads no file and writes none.
        .target(name: "ChaffEngine", dependencies: ["ChaffText", "ChaffData"]),
        // The rule kinds with their analysers, the registry of kinds and the rule-file loader.
        .target(name: "ChaffKinds", dependencies: ["ChaffEngine", "ChaffText", "ChaffData"]),
        // Output formats: compiler lines, JSON, SARIF and the others.
        .target(name: "ChaffReporters", dependencies: ["ChaffEngine", "ChaffText"]),
        // I/O policy: walking and reading files, config, the rule sets, the lint runner (workers,
        // streamed output), baseline, cache, changed lines, atomic output and signals.
        .target(
            name: "ChaffRunner",
            dependencies: ["ChaffKinds", "ChaffReporters", "ChaffEngine", "ChaffText", "ChaffBuiltinRules"]),
        // The default rules from `rules/`, embedded as source so a copied binary still has them.
        .target(name: "ChaffBuiltinRules"),
        // The command line as a library, so tests can run it in-process.
        .target(
            name: "ChaffCLI",
            dependencies: [
                "ChaffRunner", "ChaffReporters", "ChaffKinds", "ChaffEngine", "ChaffText", "ChaffData", "ChaffBuiltinRules",
                "GlibcMalloc",
            ]),
        .executableTarget(name: "chaff", dependencies: ["ChaffCLI", "ChaffRunner"]),
        // glibc's malloc.h, for the heap settings of a check run (`BatchHeap`).
        .systemLibrary(name: "GlibcMalloc"),
        .testTarget(
            name: "ChaffKitTests",
            dependencies: ["ChaffRunner", "ChaffReporters", "ChaffKinds", "ChaffEngine", "ChaffText", "ChaffData"]),
        .testTarget(
            name: "ChaffCLITests",
            dependencies: [
                "ChaffCLI", "ChaffRunner", "ChaffReporters", "ChaffKinds", "ChaffEngine", "ChaffText", "ChaffData",
                "ChaffBuiltinRules",
            ],
            exclude: ["Integrations/Schemas"]),
    ],
    swiftLanguageModes: [.v6]
)
