import ChaffEngine
import ChaffKinds
import ChaffReporters
import ChaffRunner
import ChaffText

/// The `rules` fuzz target's work: the rule-file loader and the config parser on arbitrary
/// bytes.
///
/// Every input is read both as a rule file and as a `.chaff.json`. The rule's file stem is the
/// input's own `id` when it has one, so that inputs get past the id check into the kinds'
/// option parsing, regular-expression compilation and examples. A rule that loads runs its
/// examples (with a short regex budget) and is rendered by the SARIF reporter, which prints its
/// documentation; a config that parses matches its globs against hostile paths.
enum RuleLoaderCheck {
    private static let samplePaths = [
        "a.txt", "docs/guide/中文.md", "vendor/x/y/z.min.html", "dir with space/a,b.txt", "a/b/c/d/e/f/g/h/i/j/k.txt",
        String(repeating: "a/", count: 60) + "b", "", ".", "..", "[x]/*?.txt",
    ]

    /// Reads `bytes` as a config file and as a rule file; throws when a promise is broken.
    static func check(_ bytes: [UInt8]) throws(FuzzFailure) {
        try checkConfig(bytes)
        try checkRule(bytes)
    }

    private static func checkConfig(_ bytes: [UInt8]) throws(FuzzFailure) {
        do {
            let config = try Configuration.parse(bytes, path: "fuzz/.chaff.json", directory: "/fuzz")
            for glob in config.exclude + config.formats.map(\.glob) {
                for path in samplePaths { _ = glob.matches(path) }
            }
        } catch {
            for each in error.errors { try checkError(each, bytes) }
        }
    }

    private static func checkRule(_ bytes: [UInt8]) throws(FuzzFailure) {
        var stem = "fuzz-rule"
        if let root = try? JSONParser.parse(bytes), case .object(let members) = root.value,
            let id = members.first(where: { $0.key == "id" }), case .string(let text) = id.value.value
        {
            stem = text
        }
        let rule: Rule
        do {
            rule = try RuleLoader.load(path: "fuzz/\(stem).json", fileStem: stem, bytes: bytes)
        } catch {
            try checkError(error, bytes)
            return
        }
        try FuzzSupport.require(rule.id == stem, "rule id \(rule.id) is not the stem \(stem)")
        let linter = Linter(rules: [ActiveRule(rule)], columnUnit: .utf16, regexSeconds: 0.05)
        var diagnostics: [Diagnostic] = []
        for example in rule.examples.valid + rule.examples.invalid {
            let source = Array(example.text.utf8)
            for d in linter.lint(DocumentMaker.document(path: "example", source: source, format: example.format)) {
                try FuzzSupport.require(d.range.upperBound <= source.count, "finding past the end of an example")
                diagnostics.append(d)
            }
        }
        try FuzzSupport.checkReporters(
            Report(diagnostics: diagnostics, rules: linter.rules, columnUnit: .utf16, toolVersion: "0", sourceRoot: "/"))
        _ = RuleDocumentation.text(rule)
        _ = RuleDocumentation.markdown(rule)
    }

    private static func checkError(_ error: SourceError, _ bytes: [UInt8]) throws(FuzzFailure) {
        try FuzzSupport.require(error.line >= 1 && error.column >= 1, "error position \(error.line):\(error.column)")
        try FuzzSupport.require(error.line <= bytes.filter({ $0 == 0x0A || $0 == 0x0D }).count + 1, "error line \(error.line) past the end")
        _ = error.description
    }
}
