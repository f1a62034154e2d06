import ChaffData
import ChaffText

/// Slot names as written in a rule file, matched at a position in the text.
///
/// Han characters match in either script: a name listed as `长尾关键词` matches `長尾關鍵詞` and
/// any mix of the two, because a spinner that runs through a converter converts its slot names
/// too. The text's characters are folded to their Simplified variants when compared, so the
/// lexicon is written once.
struct SlotNames: Sendable {
    private let names: [[UInt32]]  // scalars, Simplified, longest first
    private let lowercasedASCII: Bool
    /// One bit per low byte of a name's first scalar (every bit when a name is empty): most
    /// positions asked about start no name, and this answers them without a pass over every
    /// name (the pass was a quarter of the placeholder rules' time on man pages).
    private let firstLowBytes: [UInt64]

    /// `names`; with `caseInsensitiveASCII`, ASCII letters match either case.
    init(_ names: [String], caseInsensitiveASCII: Bool) {
        self.lowercasedASCII = caseInsensitiveASCII
        self.names = names.map { name in
            (caseInsensitiveASCII ? name.lowercased() : name).unicodeScalars.map { Self.simplified($0.value) }
        }.sorted { $0.count > $1.count }
        var bits = [UInt64](repeating: 0, count: 4)
        for name in self.names {
            guard let first = name.first else {
                bits = [UInt64](repeating: ~0, count: 4)
                break
            }
            bits[Int(first & 0xFF) >> 6] |= 1 << UInt64(first & 63)
        }
        firstLowBytes = bits
    }

    /// Whether some name may start with `scalar` (false only when none does).
    @inline(__always)
    private func mayStart(with scalar: UInt32) -> Bool {
        firstLowBytes[Int(scalar & 0xFF) >> 6] & (1 << UInt64(scalar & 63)) != 0
    }

    var isEmpty: Bool { names.isEmpty }

    /// The byte length of every name that occurs at `offset`, longest first.
    func lengths(at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> [Int] {
        // The first scalar as `match` compares it: ASCII folded, or the scalar and its
        // Simplified form.
        // (An empty name sets every bit, so nothing is rejected then.)
        if offset >= 0 && offset < text.count {
            let b = text[offset]
            if b < 0x80 {
                let folded = lowercasedASCII && b >= 0x41 && b <= 0x5A ? b + 0x20 : b
                if !mayStart(with: UInt32(folded)) { return [] }
            } else if let scalar = UTF8Decoding.decode(text, at: offset).scalar {
                if !mayStart(with: scalar) && !mayStart(with: Self.simplified(scalar)) { return [] }
            } else if firstLowBytes[0] != ~0 {
                return []
            }
        }
        var out: [Int] = []
        for name in names {
            if let length = match(name, at: offset, in: text) { out.append(length) }
        }
        return out
    }

    /// Whether the bytes `range` of `text` are a whole name.
    func contains(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        lengths(at: range.lowerBound, in: text).contains(range.count)
    }

    private func match(_ name: [UInt32], at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = offset
        for expected in name {
            guard i < text.count else { return nil }
            let b = text[i]
            if b < 0x80 {
                let folded = lowercasedASCII && b >= 0x41 && b <= 0x5A ? b + 0x20 : b
                guard UInt32(folded) == expected else { return nil }
                i += 1
                continue
            }
            let (scalar, length) = UTF8Decoding.decode(text, at: i)
            guard let scalar, scalar == expected || (expected >= 0x3400 && Self.simplified(scalar) == expected) else {
                return nil
            }
            i += length
        }
        return i - offset
    }

    /// A Traditional-only character's Simplified form; any other scalar as it is.
    private static func simplified(_ scalar: UInt32) -> UInt32 {
        // The generated class table, not `HanVariants.form(of:)`: deriving that one's lookup
        // cost a third of a run's start-up, for a rule that only loads its slot names.
        guard scalar >= 0x3400, HanScriptCharacterClasses.form(of: scalar) == .traditionalOnly else { return scalar }
        return HanVariants.simplifiedSuggestions(for: scalar).first ?? scalar
    }
}
