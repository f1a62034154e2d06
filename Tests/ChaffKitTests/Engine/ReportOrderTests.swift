import Testing

@testable import ChaffEngine

/// `Diagnostic.putInReportOrder` moves diagnostics along the cycles of their order instead of
/// sorting them; it must give exactly what a stable sort by `reportOrder` gives.
@Suite struct ReportOrderTests {

    /// Diagnostics with few distinct keys, so that ties (kept in their first order) are common;
    /// the fingerprint numbers each one to tell equal keys apart.
    static func diagnostics(_ count: Int, _ random: inout SeededGenerator) -> [Diagnostic] {
        (0..<count).map { n in
            Diagnostic(
                path: ["b.md", "a.md", "a/b.md", "a-b.md"][random.next(4)], range: 0..<1, line: 1 + random.next(3),
                column: 1 + random.next(3), endLine: 1, endColumn: 2, severity: .warning, ruleID: ["x-rule", "a-rule"][random.next(2)],
                message: ["one", "two"][random.next(2)], matchedText: "m", fingerprint: "\(n)")
        }
    }

    @Test func givesWhatAStableSortGives() {
        var random = SeededGenerator(state: 11)
        var sizes: Set<Int> = []
        for _ in 0..<300 {
            let diagnostics = Self.diagnostics(random.next(40), &random)
            // The standard library's sort is stable; numbering by position makes it so anyway.
            let expected = diagnostics.enumerated().sorted { a, b in
                Diagnostic.reportOrder(a.element, b.element) || (!Diagnostic.reportOrder(b.element, a.element) && a.offset < b.offset)
            }.map(\.element.fingerprint)
            var ordered = diagnostics
            Diagnostic.putInReportOrder(&ordered)
            #expect(ordered.map(\.fingerprint) == expected)
            sizes.insert(diagnostics.count)
        }
        #expect(sizes.count > 30)
    }

    @Test func leavesDiagnosticsInOrderAsTheyAre() {
        var random = SeededGenerator(state: 5)
        var ordered = Self.diagnostics(50, &random)
        Diagnostic.putInReportOrder(&ordered)
        let once = ordered.map(\.fingerprint)
        Diagnostic.putInReportOrder(&ordered)
        #expect(ordered.map(\.fingerprint) == once)
        #expect(Set(once).count == 50)
    }
}
