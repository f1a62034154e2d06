import ChaffData

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds parenthesised pinyin glosses, `角(jiao)色`, `银行（yín háng）`, in UTF-8 text.
///
/// A parenthesis pair is a gloss when all of these hold (so `(见下文)`, `(2023)`, `(see below)`,
/// `(AI)`, `(a)`, `(Apple)`, `(Ping An)` are not):
/// - the opening `(` or `（` directly follows a Han character, or directly follows another
///   gloss (`著(zhu)(zhe)`: a second gloss on the same characters);
/// - the text inside is at most `maximumTextBytes` bytes of lowercase pinyin
///   (`PinyinGlossText`), with at least two letters, or one letter that is a whole reading
///   of the character before it (`儿(r)`, `阿(a)`, `哦(o)`: a lone letter after any other
///   character is a list label, `如图(a)`);
/// - it splits into syllables no more numerous than the Han run before the parenthesis;
/// - for two or more syllables, at least one is a reading of the character it lands on.
///
/// Syllables annotate the LAST n characters of the run (spun text writes `人類(lei)`: the gloss
/// belongs to 類). Among several splits, the one that fits the characters' readings wins
/// (`GlossSegmentationChoice`). Capitalised text is never a gloss: names and brands in
/// parentheses (`公司(Ping An)`) would otherwise split into syllables.
package enum GlossParser: GlossReader {
    /// Longest gloss text considered, in bytes.
    package static let maximumTextBytes = 64
    /// Longest Han run looked at before a parenthesis, in characters.
    package static let maximumRun = 16
    /// Characters of context kept on either side of the base.
    package static let contextRadius = 6

    /// A gloss before its context is known: its base in the parse's own list of bases, its
    /// syllables in the store's. Plain offsets, so that keeping the previous one costs nothing.
    ///
    /// Forty bytes: lengths are bounded (a gloss text is at most `maximumTextBytes`, a base at
    /// most `maximumRun` characters), so only starts take a word. With ranges for each (88
    /// bytes) a glossed page's list was a quarter of its heap while the parse ran.
    struct Found {
        private let glossStart: Int
        private let baseStart: Int
        let syllableStart: Int
        /// -1 for a gloss that repeats none.
        private let repeatedStart: Int
        private let glossLength: UInt8
        private let openLength: UInt8
        private let textLength: UInt8
        private let baseCount: UInt8
        private let repeatedCount: UInt8
        let hasTones: Bool

        init(
            base: Range<Int>, syllableStart: Int, glossRange: Range<Int>, textRange: Range<Int>, hasTones: Bool,
            repeated: Range<Int>?
        ) {
            glossStart = glossRange.lowerBound
            baseStart = base.lowerBound
            self.syllableStart = syllableStart
            repeatedStart = repeated?.lowerBound ?? -1
            // Each fits: the parser reads at most `maximumTextBytes` of text between
            // parentheses of at most three bytes, and at most `maximumRun` characters of base.
            // Unchecked: four checked conversions made the parse's closure too large to inline,
            // and its inout capture of the parse was then checked at run time for every gloss.
            assert(glossRange.count <= 255 && base.count <= 255 && (repeated?.count ?? 0) <= 255)
            glossLength = UInt8(truncatingIfNeeded: glossRange.count)
            openLength = UInt8(truncatingIfNeeded: textRange.lowerBound - glossRange.lowerBound)
            textLength = UInt8(truncatingIfNeeded: textRange.count)
            baseCount = UInt8(truncatingIfNeeded: base.count)
            repeatedCount = UInt8(truncatingIfNeeded: repeated?.count ?? 0)
            self.hasTones = hasTones
        }

        /// The base in the parse's list of bases.
        var base: Range<Int> { baseStart..<(baseStart + Int(baseCount)) }
        /// The whole gloss, parentheses included.
        var glossRange: Range<Int> { glossStart..<(glossStart + Int(glossLength)) }
        /// The text between the parentheses.
        var textRange: Range<Int> {
            let start = glossStart + Int(openLength)
            return start..<(start + Int(textLength))
        }
        /// For a second gloss on the same characters, the first one's syllables in the store.
        var repeated: Range<Int>? { repeatedStart < 0 ? nil : repeatedStart..<(repeatedStart + Int(repeatedCount)) }
    }

    /// What the parse of a document has built so far.
    private struct Parse {
        var found: [Found] = []
        /// The bases of `found`, one after another.
        var bases: [GlossCharacter] = []
        /// The syllables of `found`, one after another: the store's syllables.
        var syllables: [PinyinSyllable] = []
        var splits = GlossTextSplits()

        /// Room for `glosses` more glosses of a character and a syllable each, taken once a
        /// document has its first: grown by doubling from nothing, each list left its earlier
        /// copies as holes too small for what came next, and a glossed page's heap reached a
        /// third past what it held at once.
        mutating func reserve(_ glosses: Int) {
            found.reserveCapacity(found.count + glosses)
            bases.reserveCapacity(bases.count + glosses)
            syllables.reserveCapacity(syllables.count + glosses)
        }
    }

    /// All glosses in UTF-8 `bytes`, in source order; ranges are offsets into `bytes`.
    package static func glosses(in bytes: UnsafeBufferPointer<UInt8>) -> [Gloss] {
        var parse = Parse()
        var search = OpenParenthesisSearch(bytes)
        var i = 0
        while let (open, openLength) = search.next(from: i) {
            if let gloss = glossAt(bytes, open: open, openLength: openLength, parse: &parse) {
                if parse.found.isEmpty {
                    // At the first gloss, the parentheses after it bound how many follow.
                    let expected = OpenParenthesisSearch.count(in: bytes, from: open)
                    parse.reserve(expected)
                    PinyinReadings.prepareForLookups(glosses: expected)
                }
                parse.found.append(gloss)
                i = gloss.glossRange.upperBound
            } else {
                i = open + openLength
            }
        }
        return withContext(parse, bytes)
    }

    /// The gloss whose opening parenthesis is at `open`, or nil; its base and syllables are
    /// added to `parse` when it is one.
    private static func glossAt(
        _ bytes: UnsafeBufferPointer<UInt8>, open: Int, openLength: Int, parse: inout Parse
    ) -> Found? {
        let previous = parse.found.last
        // Most parentheses follow ASCII (`f(x)`, `see (1)`): no Han run can end there, so only
        // a gloss right before can make this one, and nothing else needs reading.
        if open == 0 || bytes[open - 1] < 0x80, previous?.glossRange.upperBound != open { return nil }
        let textStart = open + openLength
        guard let (close, closeLength) = closingParenthesis(bytes, textStart: textStart) else { return nil }
        let text = UnsafeBufferPointer(rebasing: bytes[textStart..<close])
        var letters = 0
        for byte in text where byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") || byte >= 0xC0 {
            letters += 1
        }
        guard letters >= 1 else { return nil }

        // The run is read onto the stack: only the base, its end, is kept.
        return withUnsafeTemporaryAllocation(of: GlossCharacter.self, capacity: maximumRun) { buffer in
            if hanRun(bytes, endingAt: open, into: buffer, limit: 1) == 0 {
                guard let previous, previous.glossRange.upperBound == open else { return nil }
                for k in previous.base { buffer.initializeElement(at: k - previous.base.lowerBound, to: parse.bases[k]) }
                let syllables = previous.syllableStart..<(previous.syllableStart + previous.base.count)
                let splits = parse.splits.splits(of: textStart..<close, in: bytes)
                return found(UnsafeBufferPointer(rebasing: buffer[..<previous.base.count]), splits: splits, repeated: syllables)
            }
            // Syllables annotate the run's end, so no split reads further back than its own
            // count: the run is read that far and no further (most glosses have one syllable,
            // and reading sixteen characters back for each was a tenth of a glossed page's parse).
            let splits = parse.splits.splits(of: textStart..<close, in: bytes)
            let longest = splits.reduce(0) { max($0, $1.count) }
            guard longest > 0 else { return nil }
            let count = longest == 1 ? 1 : hanRun(bytes, endingAt: open, into: buffer, limit: longest)
            return found(UnsafeBufferPointer(rebasing: buffer[..<count]), splits: splits, repeated: nil)
        }

        func found(_ run: UnsafeBufferPointer<GlossCharacter>, splits: [[PinyinSyllable]], repeated: Range<Int>?) -> Found? {
            guard !splits.isEmpty,
                let syllables = GlossSegmentationChoice.choose(splits, run: run, exactCount: false)
            else { return nil }
            if letters == 1 {
                guard let last = run.last,
                    GlossChecker.hasReading(last.scalar, index: syllables[0].index)
                else { return nil }
            }
            // The base is the run's end: the run itself when the gloss covers all of it.
            // Appended one by one: a base is a character or two, for which appending a
            // collection cost several times the copy.
            let baseStart = parse.bases.count
            for character in run[(run.count - syllables.count)...] { parse.bases.append(character) }
            let syllableStart = parse.syllables.count
            for syllable in syllables { parse.syllables.append(syllable) }
            return Found(
                base: baseStart..<parse.bases.count, syllableStart: syllableStart,
                glossRange: open..<(close + closeLength), textRange: textStart..<close,
                hasTones: syllables.contains { $0.tone != 0 }, repeated: repeated)
        }
    }

    /// The offset and length of the `)` or `）` that closes a gloss text starting at
    /// `textStart`, or nil when none does within `maximumTextBytes` or the text holds a
    /// parenthesis, a line break or a tag.
    private static func closingParenthesis(_ bytes: UnsafeBufferPointer<UInt8>, textStart: Int) -> (Int, Int)? {
        var close = textStart
        while close < bytes.count && close - textStart <= maximumTextBytes {
            let byte = bytes[close]
            if byte == UInt8(ascii: ")") { return (close, 1) }
            if byte == 0xEF && close + 2 < bytes.count && bytes[close + 1] == 0xBC && bytes[close + 2] == 0x89 {
                return (close, 3)
            }
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "<") {
                return nil
            }
            close += 1
        }
        return nil
    }

    /// The Han characters directly before `end`, at most `maximumRun`, in text order.
    static func hanRun(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> [GlossCharacter] {
        withUnsafeTemporaryAllocation(of: GlossCharacter.self, capacity: maximumRun) { buffer in
            Array(buffer[..<hanRun(bytes, endingAt: end, into: buffer)])
        }
    }

    /// `hanRun(_:endingAt:)` written into `run` (room for `maximumRun`), at most `limit`
    /// characters of it (the last ones); returns the count.
    static func hanRun(
        _ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int, into run: UnsafeMutableBufferPointer<GlossCharacter>,
        limit: Int = maximumRun
    ) -> Int {
        // Read backwards from the end of `run`, then moved to its start in text order.
        let limit = min(limit, maximumRun)
        var count = 0
        var position = end
        while count < limit, position > 0,
            let (scalar, start) = GlossUTF8.decode(bytes, endingAt: position),
            GlossUTF8.isHan(scalar)
        {
            count += 1
            run.initializeElement(at: maximumRun - count, to: GlossCharacter(scalar: scalar, range: start..<position))
            position = start
        }
        if count < maximumRun, count > 0, let base = run.baseAddress {
            base.moveInitialize(from: base + (maximumRun - count), count: count)
        }
        return count
    }

    /// Adds to each gloss the Han characters around it, reading through neighbouring glosses.
    ///
    /// A glossed page has a gloss every few characters, and a context reaches `contextRadius`
    /// characters on either side, so neighbouring glosses read mostly the same characters:
    /// each stretch of Han text read through glosses is kept once in the store, and a gloss's
    /// context is a window of it (reading and storing a copy per gloss, and the first touch of
    /// the pages that took, were about a third of a glossed page's parse).
    private static func withContext(_ parse: Parse, _ bytes: UnsafeBufferPointer<UInt8>) -> [Gloss] {
        let found = parse.found
        var windows: [ContextWindow] = []
        windows.reserveCapacity(found.count)
        // Neighbouring glosses share most of their contexts: the sample page's stretches take
        // about four characters a gloss (3,960 for 911), a third of the most they could
        // (each gloss's base and `contextRadius` characters on either side), which the store
        // held room for before. The reader starts with room for four and grows as it must.
        // The reader's own lists go when it is done, before the glosses are made.
        let characters = parse.bases.withUnsafeBufferPointer { bases in
            var reader = ContextStretches(bytes: bytes, found: found, capacity: bases.count + 4 * found.count)
            for i in found.indices {
                let (window, basePosition, digitBefore) = reader.context(
                    of: i, base: UnsafeBufferPointer(rebasing: bases[found[i].base]))
                windows.append(ContextWindow(window, basePosition: basePosition, digitBefore: digitBefore))
            }
            return reader.finish()
        }
        let store = GlossStore(characters: characters, syllables: parse.syllables)
        return found.indices.map { i in
            let gloss = found[i]
            let window = windows[i]
            let placement = Gloss.Placement(
                context: window.context, basePosition: Int(window.basePosition), baseCount: gloss.base.count,
                syllableStart: gloss.syllableStart, repeated: gloss.repeated, digitBefore: window.digitBefore)
            return Gloss(
                store: store, placement: placement, form: .parenthesized, glossRange: gloss.glossRange,
                textRange: gloss.textRange, hasTones: gloss.hasTones)
        }
    }

    /// A gloss's context in the store, kept until the store is made: sixteen bytes, where the
    /// whole placement (64) was a tenth of a glossed page's heap while the parse ran.
    private struct ContextWindow {
        private let start: Int
        private let count: UInt8
        /// Index of the base in the window, at most `contextRadius`.
        let basePosition: UInt8
        let digitBefore: Bool

        /// At most `contextRadius` characters on either side of a base of at most `maximumRun`.
        init(_ context: Range<Int>, basePosition: Int, digitBefore: Bool) {
            start = context.lowerBound
            count = UInt8(context.count)
            self.basePosition = UInt8(basePosition)
            self.digitBefore = digitBefore
        }

        var context: Range<Int> { start..<(start + Int(count)) }
    }
}

/// The contexts of a document's parenthesised glosses, read into stretches of Han text that
/// neighbouring glosses share (`GlossParser.withContext`).
///
/// A stretch is the Han characters of one run as a reader sees them, every gloss in it
/// stepped over (`角(jiao)色` reads 角色). A gloss whose base lies in the current stretch, or
/// within `contextRadius` characters past its end, takes its context from it, extending it to
/// the right as far as it needs; any other gloss starts a new stretch, read leftwards from its
/// base. Windows of a stretch are exactly what reading each context on its own gave: its
/// characters on either side of the base, at most `contextRadius` of them, up to the first
/// character that is not Han.
private struct ContextStretches {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Where the stretches are read: allocated here, grown as they need, freed by `finish`.
    private(set) var out: UnsafeMutableBufferPointer<GlossCharacter>
    /// Where each gloss starts and ends, ascending (glosses do not overlap).
    let starts: [Int]
    let ends: [Int]
    let radius = GlossParser.contextRadius
    /// Characters written to `out`.
    var written = 0
    /// The current stretch: `out[start..<written]`.
    var start = 0
    /// Whether its left end is where the run begins (not `radius` characters from a base),
    /// and then whether a digit ends the text before it (`150幢`).
    var startsRun = false
    var digitBefore = false
    /// Whether its right end is where the run ends; otherwise `next`, the offset after its
    /// last character, is where reading goes on.
    var closed = true
    var next = 0
    /// Where the last base was found in it: bases ascend.
    var lastBase = 0
    /// The first gloss starting at or after the offset last asked about, as offsets rise.
    var after = 0

    init(bytes: UnsafeBufferPointer<UInt8>, found: [GlossParser.Found], capacity: Int) {
        self.bytes = bytes
        out = .allocate(capacity: max(capacity, 1))
        starts = found.map(\.glossRange.lowerBound)
        ends = found.map(\.glossRange.upperBound)
    }

    /// The context of gloss `i`, whose base is `base`: its window in `out`, the index of the
    /// base in it, and whether a digit comes right before it.
    mutating func context(of i: Int, base: UnsafeBufferPointer<GlossCharacter>) -> (Range<Int>, Int, Bool) {
        let p = baseInStretch(base) ?? newStretch(gloss: i, base: base)
        lastBase = p
        extend(to: p + base.count + radius)
        let low = max(start, p - radius)
        let digit = p - low < radius && low == start && startsRun ? digitBefore : false
        return (low..<min(written, p + base.count + radius), p - low, digit)
    }

    /// Where `base` lies in the current stretch, extended to reach it when it starts at most
    /// `radius` characters past its end; nil when it does not lie there.
    private mutating func baseInStretch(_ base: UnsafeBufferPointer<GlossCharacter>) -> Int? {
        guard written > start, let first = base.first else { return nil }
        // What is read in vain is taken back, so that a gloss adds at most its base and
        // `radius` characters on either side to `out`.
        let saved = (written, next, closed)
        func miss() -> Int? {
            (written, next, closed) = saved
            return nil
        }
        var p = lastBase
        while p < written && out[p] != first { p += 1 }
        if p == written {
            // Not read yet: the stretch may reach it.
            var reached: Int? = nil
            while reached == nil && written - saved.0 < radius && !closed && next <= first.range.lowerBound && readRight() {
                if out[written - 1] == first { reached = written - 1 }
            }
            guard let reached else { return miss() }
            p = reached
        }
        // The rest of the base follows it in the stretch, or is read next.
        for m in base.indices {
            if p + m == written && !readRight() { return miss() }
            if out[p + m] != base[m] { return miss() }
        }
        return p
    }

    /// Starts a stretch at `written` with `base` and the characters left of it (at most
    /// `radius`); returns where the base lies.
    private mutating func newStretch(gloss i: Int, base: UnsafeBufferPointer<GlossCharacter>) -> Int {
        start = written
        digitBefore = false
        startsRun = true
        // The last gloss ending at or before the offset, as offsets fall.
        var before = i
        var position = base[0].range.lowerBound
        while true {
            while before >= 0 && ends[before] > position { before -= 1 }
            if before >= 0 && ends[before] == position {
                position = starts[before]
                continue
            }
            guard written - start < radius else {
                startsRun = false
                break
            }
            guard position > 0, let (scalar, from) = GlossUTF8.decode(bytes, endingAt: position) else { break }
            guard GlossUTF8.isHan(scalar) else {
                digitBefore = (0x30...0x39).contains(scalar) || (0xFF10...0xFF19).contains(scalar)
                break
            }
            append(GlossCharacter(scalar: scalar, range: from..<position))
            position = from
        }
        // Read leftwards: put in text order.
        var (low, high) = (start, written - 1)
        while low < high {
            out.swapAt(low, high)
            (low, high) = (low + 1, high - 1)
        }
        let p = written
        for character in base { append(character) }
        closed = false
        next = base[base.count - 1].range.upperBound
        return p
    }

    /// Reads the stretch on until it holds `end` characters or its run ends.
    private mutating func extend(to end: Int) {
        while written < end && readRight() {}
    }

    /// Appends the next character of the run to the stretch; false (and the stretch closed)
    /// when the run ends there.
    private mutating func readRight() -> Bool {
        guard !closed else { return false }
        while true {
            while after > 0 && starts[after - 1] >= next { after -= 1 }
            while after < starts.count && starts[after] < next { after += 1 }
            guard after < starts.count && starts[after] == next else { break }
            next = ends[after]
        }
        guard next < bytes.count, let (scalar, length) = GlossUTF8.decode(bytes, at: next), GlossUTF8.isHan(scalar) else {
            closed = true
            return false
        }
        append(GlossCharacter(scalar: scalar, range: next..<(next + length)))
        next += length
        return true
    }

    /// Writes `character` at `written`, doubling `out` when it is full. Inlined, its rare
    /// growth apart: called for every character of every stretch.
    @inline(__always)
    private mutating func append(_ character: GlossCharacter) {
        if written == out.count { grow() }
        out.initializeElement(at: written, to: character)
        written += 1
    }

    @inline(never)
    private mutating func grow() {
        let grown = UnsafeMutableBufferPointer<GlossCharacter>.allocate(capacity: max(16, out.count * 2))
        if let from = out.baseAddress, let to = grown.baseAddress { to.moveInitialize(from: from, count: written) }
        out.deallocate()
        out = grown
    }

    /// The stretches, in an array of their own size; `out` is freed (GlossCharacter is a
    /// trivial type), so the reader must not be used after.
    mutating func finish() -> [GlossCharacter] {
        let characters = Array(UnsafeBufferPointer(rebasing: out[..<written]))
        out.deallocate()
        out = UnsafeMutableBufferPointer(start: nil, count: 0)
        written = 0
        return characters
    }
}

/// `PinyinGlossText.segmentations` of the gloss texts of one document, remembered: a glossed
/// page repeats its gloss texts (the sample page: 910 glosses, 308 texts), and splitting one
/// costs more than the rest of its parse. An open-addressing table keyed by a hash of the
/// bytes, whose entries point at an earlier occurrence in the document, so that a text seen
/// once costs a hash and a copy of its splits. It grows with the document's distinct texts (a
/// direct-mapped table of 512 slots before: texts sharing a slot pushed each other out, and a
/// third of the sample page's texts were split again in every copy), up to `maximumTexts`;
/// texts beyond are split every time. A document's first texts are split without it: most
/// documents have a few candidates or none, and setting up (and freeing) the table would cost
/// them more than it saves.
struct GlossTextSplits {
    private static let textsBeforeCaching = 16
    private let maximumTexts: Int
    private var seen = 0
    /// Index into `entries` + 1; 0 for a free slot. The count is a power of two.
    private var slots: [Int32] = []
    private var entries: [Entry] = []

    private struct Entry {
        var start: Int
        var length: Int
        var hash: UInt64
        var splits: [[PinyinSyllable]]
    }

    /// A table that remembers at most `maximumTexts` distinct texts.
    init(maximumTexts: Int = 1 << 16) {
        self.maximumTexts = maximumTexts
    }

    /// The splits of `bytes[text]`.
    mutating func splits(of text: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> [[PinyinSyllable]] {
        if seen < Self.textsBeforeCaching {
            seen += 1
            return PinyinGlossText.segmentations(UnsafeBufferPointer(rebasing: bytes[text]))
        }
        if slots.isEmpty { slots = [Int32](repeating: 0, count: 1024) }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for i in text { hash = (hash ^ UInt64(bytes[i])) &* 0x100_0000_01B3 }
        let mask = slots.count - 1
        var slot = Self.home(hash, mask)
        while slots[slot] != 0 {
            let k = Int(slots[slot]) - 1
            if entries[k].hash == hash && entries[k].length == text.count
                && memcmp(bytes.baseAddress! + entries[k].start, bytes.baseAddress! + text.lowerBound, text.count) == 0
            {
                return entries[k].splits
            }
            slot = (slot + 1) & mask
        }
        let found = PinyinGlossText.segmentations(UnsafeBufferPointer(rebasing: bytes[text]))
        guard entries.count < maximumTexts else { return found }
        entries.append(Entry(start: text.lowerBound, length: text.count, hash: hash, splits: found))
        slots[slot] = Int32(entries.count)
        if entries.count * 2 > slots.count { grow() }
        return found
    }

    private static func home(_ hash: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for k in entries.indices {
            var slot = Self.home(entries[k].hash, mask)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(k + 1)
        }
    }
}
