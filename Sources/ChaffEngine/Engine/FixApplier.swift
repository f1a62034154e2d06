/// Applies the fixes that diagnostics carry to a file's bytes.
public enum FixApplier {
    /// `source` with every fix applied. Overlapping fixes are skipped (the later one stays
    /// reported); returns the new bytes and how many fixes were applied.
    public static func apply(_ diagnostics: [Diagnostic], to source: [UInt8]) -> (bytes: [UInt8], applied: Int) {
        // UTF-8 always encodes.
        try! apply(diagnostics, to: source, encoding: .utf8)
    }

    /// A fix whose replacement the file's encoding cannot hold.
    public struct Unencodable: Error, Equatable {
        /// The replacement text.
        public var replacement: String
    }

    /// `source`, a file in `encoding`, with every fix applied: the diagnostics' ranges are
    /// ranges of the file's bytes, and each replacement is written in `encoding`, so the bytes
    /// around it stay exactly as they were. Throws when a replacement cannot be written in it.
    public static func apply(_ diagnostics: [Diagnostic], to source: [UInt8], encoding: SourceEncoding) throws(Unencodable) -> (
        bytes: [UInt8], applied: Int
    ) {
        let fixes = diagnostics.filter { $0.fix != nil }.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var out: [UInt8] = []
        out.reserveCapacity(source.count)
        var cursor = 0
        var applied = 0
        for d in fixes where d.range.lowerBound >= cursor && d.range.upperBound <= source.count {
            out.append(contentsOf: source[cursor..<d.range.lowerBound])
            guard let replacement = Iconv.encode(d.fix!, as: encoding) else { throw Unencodable(replacement: d.fix!) }
            out.append(contentsOf: replacement)
            cursor = d.range.upperBound
            applied += 1
        }
        out.append(contentsOf: source[cursor...])
        return (out, applied)
    }
}
