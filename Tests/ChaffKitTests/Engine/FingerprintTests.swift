import Testing

@testable import ChaffEngine

/// A diagnostic's fingerprint, hashed from a kept prefix state, is the documented hash of its
/// rule id, matched text and occurrence number; equal prefixes key the same occurrence count.
@Suite struct FingerprintTests {
    @Test func prefixGivesTheDocumentedHash() {
        let cases: [(String, String, Int)] = [
            ("placeholder-printf-specifier", "%s", 0), ("typography-space-cjk-latin", "", 12),
            ("gloss-reading", "角(jiao)色", 3), ("a", "bc", -7), ("ab", "c", 1_000_000),
        ]
        for (rule, matched, occurrence) in cases {
            let expected = Fingerprint.hash([rule, matched, String(occurrence)])
            #expect(Fingerprint.hash(ruleID: rule, matched: matched, occurrence: occurrence) == expected)
            let bytes = Array(matched.utf8)
            let prefix = bytes.withUnsafeBufferPointer { Fingerprint.Prefix(ruleID: rule, matched: $0) }
            #expect(prefix.hash(occurrence: occurrence) == expected)
        }
        // The separator keeps ("a", "bc") and ("ab", "c") apart.
        let split = [("a", "bc"), ("ab", "c")].map { rule, matched in
            Array(matched.utf8).withUnsafeBufferPointer { Fingerprint.Prefix(ruleID: rule, matched: $0) }
        }
        #expect(split[0] != split[1])
    }

    /// The linter's diagnostics keep the fingerprint's hash and write it out when asked: it
    /// reads, compares and changes as the text it stands for.
    @Test func aHashedFingerprintReadsAsItsText() {
        let prefix = Array("國".utf8).withUnsafeBufferPointer { Fingerprint.Prefix(ruleID: "mixed-han-script", matched: $0) }
        func diagnostic(hash: UInt64? = nil, text: String = "") -> Diagnostic {
            let fields = (path: "a.md", range: 3..<6, line: 1, column: 2, severity: Severity.warning)
            if let hash {
                return Diagnostic(
                    path: fields.path, range: fields.range, line: fields.line, column: fields.column, endLine: 1, endColumn: 3,
                    severity: fields.severity, ruleID: "mixed-han-script", message: "m", matchedText: "國", fix: "国",
                    fingerprintHash: hash)
            }
            return Diagnostic(
                path: fields.path, range: fields.range, line: fields.line, column: fields.column, endLine: 1, endColumn: 3,
                severity: fields.severity, ruleID: "mixed-han-script", message: "m", matchedText: "國", fix: "国", fingerprint: text)
        }
        let hashed = diagnostic(hash: prefix.value(occurrence: 2))
        let text = prefix.hash(occurrence: 2)
        #expect(hashed.fingerprint == text)
        #expect(hashed.fingerprint == Fingerprint.hash(["mixed-han-script", "國", "2"]))
        #expect(hashed == diagnostic(text: text))
        #expect(diagnostic(text: text) == hashed)
        #expect(hashed == diagnostic(hash: prefix.value(occurrence: 2)))
        #expect(hashed != diagnostic(hash: prefix.value(occurrence: 3)))
        #expect(hashed != diagnostic(text: prefix.hash(occurrence: 3)))
        var changed = hashed
        changed.fingerprint = "given"
        #expect(changed.fingerprint == "given")
        #expect(changed != hashed)
        #expect(changed == diagnostic(text: "given"))
    }
}
