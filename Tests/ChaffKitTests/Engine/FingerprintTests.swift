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
}
