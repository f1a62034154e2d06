#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The dictionary reading of a word: one list of readings per character.
///
/// A class whose properties are all constants, so it behaves as a value: a glossed page
/// holds a reading for every word of every gloss's context, each shared with the lookup that
/// found it, and as a struct every copy retained its two arrays.
public final class WordReading: Hashable, Sendable {
    /// Readings per character, in word order; one each, more where the sources disagree (朝阳:
    /// zhāo or cháo) or list several tones (东西: xī or xi).
    public let characters: [[PinyinSyllable]]

    /// True for a collocation from chaff's context list (们曾: céng) rather than a dictionary
    /// word: it holds however the surrounding text is split into words.
    public let isCollocation: Bool

    /// Per character, true when the reading is unconfirmed: only one dictionary lists the word
    /// and few other words read the character so (拖拽 yè, 一撮 zuǒ). Such a reading licenses
    /// but does not overrule the character's frequent readings. Empty when none is.
    public let unconfirmed: [Bool]

    /// How often running text uses the word (`PinyinWeights`: 4 ln(count + 1) of a corpus
    /// count), or `PinyinWeights.unknown` when the corpus does not count it. Splits of as many
    /// words are told apart by their weights (不|了解 against 不了|解).
    public let weight: Int32

    /// Makes a reading from per-character readings.
    public init(
        characters: [[PinyinSyllable]], isCollocation: Bool = false, unconfirmed: [Bool] = [],
        weight: Int32 = PinyinWeights.unknown
    ) {
        self.characters = characters
        self.isCollocation = isCollocation
        self.unconfirmed = unconfirmed
        self.weight = weight
    }

    /// True when the reading of character `i` is unconfirmed (see `unconfirmed`).
    public func isUnconfirmed(at i: Int) -> Bool {
        i < unconfirmed.count && unconfirmed[i]
    }

    /// True when some character has more than one toneless reading, so the word alone does not
    /// decide how that character is read.
    public var isAmbiguous: Bool {
        characters.contains { readings in
            readings.contains { $0.index != readings[0].index }
        }
    }

    /// True when character `i` has exactly one toneless reading in this word.
    public func isDecided(at i: Int) -> Bool {
        let readings = characters[i]
        return !readings.isEmpty && readings.allSatisfy { $0.index == readings[0].index }
    }

    public static func == (a: WordReading, b: WordReading) -> Bool {
        a === b
            || (a.characters == b.characters && a.isCollocation == b.isCollocation && a.unconfirmed == b.unconfirmed
                && a.weight == b.weight)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(characters)
        hasher.combine(isCollocation)
        hasher.combine(unconfirmed)
        hasher.combine(weight)
    }
}

/// A dictionary word found in a run of Han characters.
///
/// Sixteen bytes, not the twenty-four of a stored range: a glossed page keeps a list of these
/// for every gloss, a sixth of its heap.
public struct WordMatch: Hashable, Sendable {
    private let start: Int32
    private let end: Int32
    /// The word's dictionary reading.
    public let reading: WordReading

    /// Positions of the word's characters in the run.
    public var range: Range<Int> { Int(start)..<Int(end) }

    /// Makes a match.
    public init(range: Range<Int>, reading: WordReading) {
        start = Int32(range.lowerBound)
        end = Int32(range.upperBound)
        self.reading = reading
    }

    /// The readings of the run character at `position`, which must lie in `range`.
    public func readings(atRunPosition position: Int) -> [PinyinSyllable] {
        reading.characters[position - range.lowerBound]
    }
}

/// Word readings: every 2-4 character word of pypinyin's phrase table and CC-CEDICT, keyed by
/// simplified form (see PROVENANCE.md). Words without a polyphonic character stay in the table:
/// the checker needs them to see that a split is contested (的确定: 确定 competes with 的确).
///
/// Lookups map each character through `PinyinHanNormalization` first, so Traditional text finds
/// the same words as Simplified text.
public enum PinyinWords {
    /// Longest word in the table, in characters.
    public static let maximumLength = 4

    /// The decoded lookup tables. Their arrays are `ImmortalBuffer`s, written in place once:
    /// a copy of the table then retains nothing, where three arrays' reference counts were
    /// most of `mayStartWord`, which glossed text asks about every window of every context.
    private struct Table: Sendable {
        /// Dense 1-based index of every character that occurs in a word, in code point order,
        /// by code point (0: in no word). A flat array: building a dictionary of the table's
        /// 20,000 characters from its 350,000 character occurrences cost about 20 ms on the
        /// first gloss of a run.
        var dense = ImmortalBuffer<UInt16>([])

        func denseIndex(_ scalar: UInt32) -> UInt16 {
            Int(scalar) < dense.count ? dense[Int(scalar)] : 0
        }
        /// Number of words (entries of the `keys` literal).
        var wordCount = 0
        /// True when the bit of the pair is set; false for a dense index 0 (no character).
        func hasPair(_ first: UInt16, _ second: UInt16) -> Bool {
            guard second != 0 else { return false }
            let bit = PinyinWords.pairBit(first, second)
            return pairBits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
        }
        /// False when no word has the packed key `key` (`keyBits`); true may still find none.
        @inline(__always)
        func mayBeKey(_ key: UInt64) -> Bool {
            let bit = PinyinWords.keyBit(key)
            return keyBits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
        }
        /// A bit per hash of every word's packed key (`keyBit`): most windows that pass the
        /// pair test are still no word (seven in ten on the sample page), and this rules out
        /// all but one in seventeen of those before a search of the keys, whose first few
        /// thousand on a page were cache misses.
        var keyBits = ImmortalBuffer<UInt64>([])
        /// A bit per hash of the dense indices of a word's first two characters
        /// (`pairBit`): clear when no word starts with that pair, so most windows of running
        /// text are ruled out before a lookup builds anything.
        var pairBits = ImmortalBuffer<UInt64>([])
        /// For each code point of `PinyinTableCode.flatRange`, the dense indices of its lookup forms
        /// (`PinyinHanNormalization`): the simplified one in the low 16 bits, the alternative
        /// (or 0) in the high ones. `mayStartWord` tests every window of every gloss context,
        /// and mapping both characters there cost more than the rest of the test.
        var lookupForms = ImmortalBuffer<UInt32>([])

        /// The dense indices of the lookup forms of `scalar`, packed as in `lookupForms`.
        @inline(__always)
        func forms(_ scalar: UInt32) -> UInt32 {
            let flat = PinyinTableCode.flatRange
            return flat.contains(scalar) ? lookupForms[Int(scalar &- flat.lowerBound)] : mappedForms(scalar)
        }

        /// `forms(scalar)` mapped through `PinyinHanNormalization` (what `lookupForms` keeps).
        func mappedForms(_ scalar: UInt32) -> UInt32 {
            let first = denseIndex(PinyinHanNormalization.simplified(scalar))
            let second = PinyinHanNormalization.alternative(scalar).map { denseIndex($0) } ?? 0
            return UInt32(first) | UInt32(second) << 16
        }
    }

    private static let table: Table = decode()

    /// The table from the generated literals: the dense index of each character from its place
    /// in `characters`, and the pair set as generated. The keys and the records' offsets are
    /// read where they are, in the `keys` literal (`recordStart(of:)`): decoding the 126,000
    /// keys and finding where each record starts was 20 M instructions that every process
    /// meeting a gloss paid, and a process looks up a few thousand words at most.
    private static func decode() -> Table {
        var table = Table()
        let characters = PinyinWordTableData.characters
        table.dense = ImmortalBuffer(repeating: 0, count: Int(characters.last ?? 0) + 1) { dense in
            for (rank, scalar) in characters.enumerated() { dense[Int(scalar)] = UInt16(rank + 1) }
        }
        table.wordCount = PinyinTableCode.withBytes(PinyinWordTableData.keys) { KeyEntries.count(ofLiteral: $0.count) }
        precondition(PinyinWordTableData.pairs.count == (pairMask + 1) / 64, "the pair set is not pairMask + 1 bits")
        table.pairBits = ImmortalBuffer(generated: PinyinWordTableData.pairs)
        precondition(PinyinWordTableData.keyBits.count == (keyMask + 1) / 64, "the key set is not keyMask + 1 bits")
        table.keyBits = ImmortalBuffer(generated: PinyinWordTableData.keyBits)
        let flat = PinyinTableCode.flatRange
        table.lookupForms = ImmortalBuffer(repeating: 0, count: flat.count) { forms in
            for (i, scalar) in flat.enumerated() { forms[i] = table.mappedForms(scalar) }
        }
        return table
    }

    /// Reads the word table's literals through once, in order, before a document with
    /// `judgedGlosses` glosses to judge looks words up (from `TableWarming.glossesToWarm`, once
    /// a process).
    ///
    /// A lookup reads a dozen places of the 3 MB of literals (the keys' lines, the key within
    /// a line, the record, the bit sets), each a cache miss, and a page fault where it is the
    /// first in its 64 KB: a glossed page's first thousand lookups cost a millisecond. Read in
    /// order, the same pages are mapped and fetched at the memory's streaming rate.
    public static func prepareForLookups(judgedGlosses: Int) {
        if judgedGlosses >= TableWarming.glossesToWarm { _ = warmed }
    }

    /// What reading the literals through summed (`TableWarming`).
    private static let warmed: UInt64 =
        PinyinTableCode.withBytes(PinyinWordTableData.keys) { TableWarming.readThrough(UnsafeRawBufferPointer($0)) }
        &+ PinyinTableCode.withBytes(PinyinWordTableData.records) { TableWarming.readThrough(UnsafeRawBufferPointer($0)) }
        &+ PinyinWordTableData.keyBits.withUnsafeBytes(TableWarming.readThrough)
        &+ PinyinWordTableData.pairs.withUnsafeBytes(TableWarming.readThrough)
        &+ PinyinWordTableData.lineFirstHigh.withUnsafeBytes(TableWarming.readThrough)
        &+ PinyinWordTableData.lineFirstLow.withUnsafeBytes(TableWarming.readThrough)

    /// The line of `keys` whose entries may hold `key` (its twelve characters as `recordStart`
    /// packs them): the last whose first entry is not above it; nil when every line's is.
    private static func line(of key: (UInt64, UInt64)) -> Int? {
        let high = PinyinWordTableData.lineFirstHigh, low = PinyinWordTableData.lineFirstLow
        var first = 0
        var last = high.count
        while first < last {
            let middle = (first + last) >> 1
            if (high[middle], UInt64(low[middle])) <= key { first = middle + 1 } else { last = middle }
        }
        return first == 0 ? nil : first - 1
    }

    /// Where the entries of the `keys` literal are: `length` characters each, `perLine` a line.
    private enum KeyEntries {
        static let length = 16
        static let perLine = 64
        static let lineBytes = length * perLine + 1

        /// Byte offset of entry `index`: a line break after every 64 entries.
        @inline(__always)
        static func offset(of index: Int) -> Int {
            index &* length &+ index &>> 6
        }

        /// Entries in a literal of `bytes` bytes (every line full but the last).
        static func count(ofLiteral bytes: Int) -> Int {
            let entryBytes = bytes - bytes / lineBytes
            precondition(entryBytes % length == 0, "the word table's keys are not whole entries")
            return entryBytes / length
        }
    }

    /// The offset in `records` of the record of the word whose packed dense indices are `key`
    /// (`lookup`), or nil when no word has it: a binary search over the `keys` literal's
    /// entries, whose first twelve bytes sort as the keys do, compared eight and four bytes at a
    /// time as big-endian integers.
    ///
    /// The line that may hold the key is found first, in the generated copies of each line's
    /// first key (`lineFirstHigh`, `lineFirstLow`: 24 KB), then the key within that line
    /// (1 KB). A search over the whole literal read each of its first eleven steps from another
    /// page of its 2 MB, and the first few thousand lookups of a glossed page, each a dozen
    /// cache and TLB misses, cost about a millisecond.
    private static func recordStart(of key: UInt64, wordCount: Int) -> Int? {
        // The key's twelve characters: eight in `high`, four in `low`, first highest.
        var high: UInt64 = 0
        var low: UInt64 = 0
        for lane in 0..<4 {
            let dense = Int(truncatingIfNeeded: key >> UInt64(48 - 16 * lane)) & 0xFFFF
            for digit in 0..<3 {
                let character = UInt64(PinyinTableCode.keyCharacter((dense >> (12 - 6 * digit)) & 63))
                // Shifted out of `low`, the top byte goes into `high`.
                high = high << 8 | low >> 24
                low = (low << 8 | character) & 0xFFFF_FFFF
            }
        }
        return PinyinTableCode.withBytes(PinyinWordTableData.keys) { bytes -> Int? in
            guard let base = bytes.baseAddress else { return nil }
            let raw = UnsafeRawPointer(base)
            func entry(_ index: Int) -> (UInt64, UInt64) {
                let at = KeyEntries.offset(of: index)
                return (
                    UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)),
                    UInt64(UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: at + 8, as: UInt32.self)))
                )
            }
            guard let line = line(of: (high, low)) else { return nil }
            var first = line * KeyEntries.perLine
            var last = min(first + KeyEntries.perLine, wordCount)
            while first < last {
                let middle = (first + last) >> 1
                if entry(middle) < (high, low) { first = middle + 1 } else { last = middle }
            }
            guard first < wordCount, entry(first) == (high, low) else { return nil }
            let at = KeyEntries.offset(of: first) + 12
            return (at..<at + 4).reduce(0) { $0 << 6 | PinyinTableCode.keyDigit(bytes[$1]) }
        }
    }

    /// The readings of the record whose marks and codes start at byte `start`: per character
    /// its readings (a '+' adds one to the character before, a '?' marks the next character's
    /// reading unconfirmed), whether a '!' marks it a collocation, and its weight (a '#' and
    /// one code character; `PinyinWeights.unknown` without).
    private static func readings(
        at start: Int, characters: Int
    ) -> (characters: [[PinyinSyllable]], unconfirmed: [Bool], isCollocation: Bool, weight: Int32) {
        PinyinTableCode.withBytes(PinyinWordTableData.records) { bytes in
            var out: [[PinyinSyllable]] = []
            out.reserveCapacity(characters)
            var unconfirmed: [Bool] = []
            var isCollocation = false
            var weight = PinyinWeights.unknown
            var pendingUnconfirmed = false
            var i = start
            while i < bytes.count && bytes[i] != UInt8(ascii: " ") {
                let byte = bytes[i]
                switch byte {
                case UInt8(ascii: "\n"):
                    i += 1
                case UInt8(ascii: "!"):
                    isCollocation = true
                    i += 1
                case UInt8(ascii: "?"):
                    pendingUnconfirmed = true
                    i += 1
                case UInt8(ascii: "#"):
                    weight = Int32(PinyinTableCode.digit(bytes[i + 1]))
                    i += 2
                default:
                    var alternative = false
                    if byte == UInt8(ascii: "+") {
                        alternative = true
                        i += 1
                    }
                    let code = PinyinTableCode.digit(bytes[i]) << 6 | PinyinTableCode.digit(bytes[i + 1])
                    let syllable = PinyinSyllable(code: code)
                    if alternative, !out.isEmpty {
                        out[out.count - 1].append(syllable)
                    } else {
                        if pendingUnconfirmed && !alternative {
                            if unconfirmed.isEmpty { unconfirmed = [Bool](repeating: false, count: characters) }
                            if out.count < characters { unconfirmed[out.count] = true }
                        }
                        out.append([syllable])
                    }
                    pendingUnconfirmed = false
                    i += 2
                }
            }
            return (out, unconfirmed, isCollocation, weight)
        }
    }

    /// Bits in `Table.pairBits` less one (2^20 bits for some 100,000 distinct pairs).
    private static let pairMask = (1 << 20) - 1
    /// Bits in `Table.keyBits` less one (2^21 bits for 126,000 keys: one in seventeen set).
    private static let keyMask = (1 << 21) - 1

    /// The bit of a packed key (four dense indices, the first highest) in `Table.keyBits`.
    @inline(__always)
    static func keyBit(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0xC2B2_AE3D_27D4_EB4F) >> 40) & keyMask
    }

    @inline(__always)
    static func pairBit(_ first: UInt16, _ second: UInt16) -> Int {
        let packed = UInt64(first) << 16 | UInt64(second)
        return Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> 40) & pairMask
    }

    /// False when no table word starts with the characters `a`, `b` in any of their lookup
    /// forms (`PinyinHanNormalization`): then no window starting with them is a word. True
    /// may still find none.
    public static func mayStartWord(_ a: UInt32, _ b: UInt32) -> Bool {
        let table = self.table
        let aForms = table.forms(a)
        if aForms == 0 { return false }
        let bForms = table.forms(b)
        if bForms == 0 { return false }
        let a1 = UInt16(truncatingIfNeeded: aForms), a2 = UInt16(truncatingIfNeeded: aForms >> 16)
        let b1 = UInt16(truncatingIfNeeded: bForms), b2 = UInt16(truncatingIfNeeded: bForms >> 16)
        func pairs(_ first: UInt16) -> Bool {
            guard first != 0 else { return false }
            return table.hasPair(first, b1) || table.hasPair(first, b2)
        }
        return pairs(a1) || pairs(a2)
    }

    /// Number of words in the table.
    public static var wordCount: Int { table.wordCount }

    /// True when `lineFirstHigh` and `lineFirstLow` hold the first key of each line of `keys`
    /// (`line(of:)` relies on it); for tests.
    static var lineIndexIsEachLinesFirstKey: Bool {
        PinyinTableCode.withBytes(PinyinWordTableData.keys) { bytes in
            let lines = (wordCount + KeyEntries.perLine - 1) / KeyEntries.perLine
            guard PinyinWordTableData.lineFirstHigh.count == lines, PinyinWordTableData.lineFirstLow.count == lines else {
                return false
            }
            return (0..<lines).allSatisfy { line in
                let at = KeyEntries.offset(of: line * KeyEntries.perLine)
                let high = bytes[at..<at + 8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                let low = bytes[(at + 8)..<(at + 12)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                return PinyinWordTableData.lineFirstHigh[line] == high && PinyinWordTableData.lineFirstLow[line] == low
            }
        }
    }

    /// True when the keys' bytes are strictly ascending entry by entry (the generator's
    /// order, which the binary search relies on); for tests.
    static var keysAreSorted: Bool {
        PinyinTableCode.withBytes(PinyinWordTableData.keys) { bytes in
            let keys = (0..<wordCount).map { index in
                let at = KeyEntries.offset(of: index)
                return Array(bytes[at..<at + 12])
            }
            return zip(keys, keys.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) }
        }
    }

    /// The record of the word whose packed dense indices are `key` and which has `count`
    /// characters, read, or nil when the table has no such word.
    private static func lookup(
        _ key: UInt64, count: Int, wordCount: Int
    ) -> (characters: [[PinyinSyllable]], unconfirmed: [Bool], isCollocation: Bool, weight: Int32)? {
        guard let start = recordStart(of: key, wordCount: wordCount) else { return nil }
        let found = readings(at: start, characters: count)
        return found.characters.count == count ? found : nil
    }

    /// The reading of a word of 2-4 Han characters, Simplified or Traditional, or nil when the
    /// table does not have it. Characters with an alternative simplified form (著: 著 or 着) try
    /// both; readings found under both are merged.
    public static func reading<C: Collection>(of word: C) -> WordReading? where C.Element == UInt32 {
        guard (2...maximumLength).contains(word.count) else { return nil }
        var pair = word.makeIterator()
        guard let first = pair.next(), let second = pair.next(), mayStartWord(first, second) else { return nil }
        return readingWithoutPairTest(of: word)
    }

    /// `reading(of:)` of an array: callers in other modules reach the generic one unspecialized,
    /// which walked the word through protocol calls (a fifth of a lookup's cost).
    public static func reading(of word: [UInt32]) -> WordReading? {
        guard (2...maximumLength).contains(word.count), mayStartWord(word[0], word[1]) else { return nil }
        return readingWithoutPairTest(of: word)
    }

    /// `reading(of:)` without the `mayStartWord` test first: the same answers, slower; for tests
    /// that check the test rules out no word.
    static func readingWithoutPairTest<C: Collection>(of word: C) -> WordReading? where C.Element == UInt32 {
        guard (2...maximumLength).contains(word.count) else { return nil }
        let table = self.table
        // Per character the dense indices of its lookup forms, packed as the keys are (first
        // character highest): simplified forms in `simplified`, alternatives (or 0) in
        // `alternatives`. Most windows are no word, and this way their lookups build nothing.
        var simplified: UInt64 = 0
        var alternatives: UInt64 = 0
        var shift: UInt64 = 48
        var alternativeShifts: [UInt64] = []
        for scalar in word {
            let forms = table.forms(scalar)
            simplified |= UInt64(forms & 0xFFFF) << shift
            if forms >> 16 != 0 {
                alternatives |= UInt64(forms >> 16) << shift
                alternativeShifts.append(shift)
            }
            shift &-= 16
        }
        var merged: [[PinyinSyllable]]? = nil
        var isCollocation = false
        var unconfirmed: [Bool]? = nil
        var weight: Int32? = nil
        // Each combination of forms in turn, the alternative of the first character that has
        // one in the lowest bit. An alternative that is in no word (dense index 0) finds
        // nothing, so only those with a dense index take part; the order of the others is the
        // same as with all of them.
        for combination in 0..<(1 << alternativeShifts.count) {
            var key = simplified
            for (bit, laneShift) in alternativeShifts.enumerated() where combination >> bit & 1 == 1 {
                key = key & ~(0xFFFF << laneShift) | alternatives & (0xFFFF << laneShift)
            }
            guard Self.hasEveryLane(key, count: word.count), table.mayBeKey(key),
                let found = lookup(key, count: word.count, wordCount: table.wordCount)
            else { continue }
            isCollocation = isCollocation || found.isCollocation
            weight = max(weight ?? found.weight, found.weight)
            // A reading is unconfirmed only when every form found leaves it so.
            let marks = (0..<word.count).map { $0 < found.unconfirmed.count && found.unconfirmed[$0] }
            unconfirmed = unconfirmed.map { zip($0, marks).map { $0 && $1 } } ?? marks
            if var sum = merged {
                for (n, readings) in found.characters.enumerated() {
                    for reading in readings where !sum[n].contains(reading) { sum[n].append(reading) }
                }
                merged = sum
            } else {
                merged = found.characters
            }
        }
        return merged.map {
            WordReading(
                characters: $0, isCollocation: isCollocation,
                unconfirmed: unconfirmed?.contains(true) == true ? unconfirmed! : [],
                weight: weight ?? PinyinWeights.unknown)
        }
    }

    /// True when the first `count` dense indices of `key` are all set (a character in no word
    /// has none, and then no word has that key).
    private static func hasEveryLane(_ key: UInt64, count: Int) -> Bool {
        (0..<count).allSatisfy { key >> UInt64(48 - 16 * $0) & 0xFFFF != 0 }
    }

    /// Every table word inside `run`, ordered by start, then by length (longest first).
    public static func matches(in run: [UInt32]) -> [WordMatch] {
        var found: [WordMatch] = []
        for start in run.indices {
            var length = min(maximumLength, run.count - start)
            while length >= 2 {
                if let reading = reading(of: run[start..<start + length]) {
                    found.append(WordMatch(range: start..<start + length, reading: reading))
                }
                length -= 1
            }
        }
        return found
    }

    /// Every table word in `run` that contains `position`, longest first, then leftmost.
    public static func matches(in run: [UInt32], containing position: Int) -> [WordMatch] {
        var found: [WordMatch] = []
        for length in stride(from: min(maximumLength, run.count), through: 2, by: -1) {
            let first = max(0, position - length + 1)
            let last = min(position, run.count - length)
            guard first <= last else { continue }
            for start in first...last {
                if let reading = reading(of: run[start..<start + length]) {
                    found.append(WordMatch(range: start..<start + length, reading: reading))
                }
            }
        }
        return found
    }

    /// The longest table word in `run` that contains `position` (the leftmost of equal length),
    /// searching both directions from it; nil when none does.
    public static func longestMatch(in run: [UInt32], containing position: Int) -> WordMatch? {
        matches(in: run, containing: position).first
    }
}
