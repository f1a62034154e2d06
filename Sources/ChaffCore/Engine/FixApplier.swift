/// Applies the fixes that diagnostics carry to a file's bytes.
public enum FixApplier {
    /// `source` with every fix applied. Overlapping fixes are skipped (the later one stays
    /// reported); returns the new bytes and how many fixes were applied.
    public static func apply(_ diagnostics: [Diagnostic], to source: [UInt8]) -> (bytes: [UInt8], applied: Int) {
        let fixes = diagnostics.filter { $0.fix != nil }.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var out: [UInt8] = []
        out.reserveCapacity(source.count)
        var cursor = 0
        var applied = 0
        for d in fixes where d.range.lowerBound >= cursor && d.range.upperBound <= source.count {
            out.append(contentsOf: source[cursor..<d.range.lowerBound])
            out.append(contentsOf: Array(d.fix!.utf8))
            cursor = d.range.upperBound
            applied += 1
        }
        out.append(contentsOf: source[cursor...])
        return (out, applied)
    }
}
