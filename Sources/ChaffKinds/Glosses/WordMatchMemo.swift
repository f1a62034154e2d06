import ChaffData

/// `PinyinWords.matches` with every word lookup remembered, for one document.
///
/// A glossed page looks up the same 2-4 character windows over and over: every gloss reads
/// the words of its context (up to 13 characters, about 40 windows), and neighbouring glosses
/// share most of that context. `PinyinWords.reading(of:)` searches the word table for every
/// combination of the window's lookup forms and builds the reading of a word it finds; here
/// each distinct window costs that once, later ones a probe in an open-addressing table keyed
/// by the packed code points.
/// Results are exactly those of `PinyinWords`, in the same order.
///
/// Not thread-safe: one memo per document, used by the thread checking it.
package final class WordMatchMemo {
    /// The remembered lookups, in one stored property. Each use of a class's stored property
    /// is an exclusivity check at run time unless it is turned off: one memo serves one thread,
    /// and no use of a property overlaps another of the same property (a lookup returns before
    /// its word is stored), while the checks cost a fifth of a glossed page's word search.
    @exclusivity(unchecked) private var table = Table()

    /// An empty memo.
    package init() {}

    /// `PinyinWords.reading(of: run[range])`, remembered.
    package func reading(_ run: [UInt32], _ range: Range<Int>) -> WordReading? {
        run.withUnsafeBufferPointer { reading($0, range) }
    }

    /// `PinyinWords.reading(of: run[range])`, remembered.
    private func reading(_ run: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> WordReading? {
        let count = range.count
        guard (2...PinyinWords.maximumLength).contains(count) else { return nil }
        var a: UInt64 = 0
        var b = UInt64(count)
        for (n, i) in range.enumerated() {
            let scalar = UInt64(run[i] & 0x1F_FFFF)
            if n < 3 { a = a << 21 | scalar } else { b |= scalar << 8 }
        }
        let probe = table.find(a, b)
        if let known = probe.reading { return known }
        let looked = PinyinWords.reading(of: Array(run[range]))
        table.insert(looked, a, b, at: probe.slot)
        return looked
    }

    /// An open-addressing table keyed by packed windows (code points of Han characters are
    /// below 2^21; three per word, the fourth and the length in `high`).
    private struct Table {
        var low = [UInt64](repeating: 0, count: 1024)
        var high = [UInt64](repeating: 0, count: 1024)
        /// Index into `readings` + 1; 0 for a free slot.
        var slots = [Int32](repeating: 0, count: 1024)
        var readings: [WordReading?] = []
        var mask = 1023

        /// The remembered reading of the window `a`, `b` (`.some(nil)` when the window is no
        /// word), or the free slot where it belongs.
        func find(_ a: UInt64, _ b: UInt64) -> (reading: WordReading??, slot: Int) {
            var slot = Self.home(a, b, mask)
            while slots[slot] != 0 {
                if low[slot] == a && high[slot] == b { return (.some(readings[Int(slots[slot]) - 1]), slot) }
                slot = (slot + 1) & mask
            }
            return (nil, slot)
        }

        mutating func insert(_ reading: WordReading?, _ a: UInt64, _ b: UInt64, at slot: Int) {
            readings.append(reading)
            low[slot] = a
            high[slot] = b
            slots[slot] = Int32(readings.count)
            if readings.count * 2 > mask { grow() }
        }

        private static func home(_ a: UInt64, _ b: UInt64, _ mask: Int) -> Int {
            Int(truncatingIfNeeded: (a &* 0x9E37_79B9_7F4A_7C15 ^ b &* 0xC2B2_AE3D_27D4_EB4F) >> 40) & mask
        }

        private mutating func grow() {
            let oldLow = low, oldHigh = high, oldSlots = slots
            mask = mask * 2 + 1
            low = [UInt64](repeating: 0, count: mask + 1)
            high = [UInt64](repeating: 0, count: mask + 1)
            slots = [Int32](repeating: 0, count: mask + 1)
            for k in oldSlots.indices where oldSlots[k] != 0 {
                let a = oldLow[k], b = oldHigh[k]
                var slot = Self.home(a, b, mask)
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                low[slot] = a
                high[slot] = b
                slots[slot] = oldSlots[k]
            }
        }
    }

    /// `PinyinWords.matches(in: run)`: every table word inside `run`, ordered by start, then
    /// by length (longest first).
    package func matches(in run: [UInt32]) -> [WordMatch] {
        run.withUnsafeBufferPointer { matches(in: $0) }
    }

    /// `matches(in:)` of the code points in `run`.
    package func matches(in run: UnsafeBufferPointer<UInt32>) -> [WordMatch] {
        var found: [WordMatch] = []
        appendMatches(in: run, to: &found)
        return found
    }

    /// Appends `matches(in: run)` to `found`: a document's glosses keep their context words
    /// in one array, and a gloss's context is read into a buffer on the stack.
    package func appendMatches(in run: UnsafeBufferPointer<UInt32>, to found: inout [WordMatch]) {
        for start in run.indices { appendMatches(startingAt: start, in: run, to: &found) }
    }

    /// Appends the words of `matches(in: run)` that start at `start`, longest first.
    @inline(__always)
    package func appendMatches(startingAt start: Int, in run: UnsafeBufferPointer<UInt32>, to found: inout [WordMatch]) {
        // Most windows start with a pair that starts no word: no probe for any of them.
        guard start + 1 < run.count, PinyinWords.mayStartWord(run[start], run[start + 1]) else { return }
        var length = min(PinyinWords.maximumLength, run.count - start)
        while length >= 2 {
            if let reading = reading(run, start..<start + length) {
                found.append(WordMatch(range: start..<start + length, reading: reading))
            }
            length -= 1
        }
    }

    /// `PinyinWords.matches(in: run, containing: position)`: every table word in `run` that
    /// contains `position`, longest first, then leftmost.
    package func matches(in run: [UInt32], containing position: Int) -> [WordMatch] {
        run.withUnsafeBufferPointer { matches(in: $0, containing: position) }
    }

    private func matches(in run: UnsafeBufferPointer<UInt32>, containing position: Int) -> [WordMatch] {
        var found: [WordMatch] = []
        for length in stride(from: min(PinyinWords.maximumLength, run.count), through: 2, by: -1) {
            let first = max(0, position - length + 1)
            let last = min(position, run.count - length)
            guard first <= last else { continue }
            for start in first...last {
                if let reading = reading(run, start..<start + length) {
                    found.append(WordMatch(range: start..<start + length, reading: reading))
                }
            }
        }
        return found
    }
}
