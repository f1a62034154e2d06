import ChaffData

/// `GlossChecker.readingsOf` remembered per character, for the glosses of one document.
///
/// A glossed page asks for the readings of a few hundred characters thousands of times, and
/// each answer was a new list to build and free. A direct-mapped table by the code point's low
/// bits: a character that shares a slot with another is looked up again, never wrongly.
///
/// Not thread-safe: one memo per document, used by the thread checking it.
final class ReadingsMemo {
    private static let slots = 4096
    /// Code point per slot; 0 for a free slot (U+0000 has no readings and is never asked).
    @exclusivity(unchecked) private var scalars = [UInt32](repeating: 0, count: ReadingsMemo.slots)
    @exclusivity(unchecked) private var lists = [[PinyinSyllable]](repeating: [], count: ReadingsMemo.slots)

    /// `GlossChecker.readingsOf(scalar)`.
    func readings(of scalar: UInt32) -> [PinyinSyllable] {
        let slot = Int(scalar) & (Self.slots - 1)
        if scalars[slot] == scalar && scalar != 0 { return lists[slot] }
        let found = GlossChecker.readingsOf(scalar)
        scalars[slot] = scalar
        lists[slot] = found
        return found
    }
}
