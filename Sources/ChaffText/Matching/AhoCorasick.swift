/// A multi-pattern byte matcher: one pass over the text finds every occurrence of every pattern.
///
/// A trie with failure links. The root has a dense 256-entry table (most bytes of a text leave
/// the root at once); other states keep their few edges in a flat sorted list. Building is
/// linear in the patterns' total length, so rule files with thousands of phrases load in about a
/// millisecond instead of filling a dense state × byte table.
public struct AhoCorasick: Sendable {
    @usableFromInline let fold: [UInt8]  // 256 entries: the byte after ASCII case folding
    @usableFromInline let rootNext: [Int32]  // 256 entries
    @usableFromInline let edgeStart: [Int32]  // per state; edgeStart[state + 1] ends its edges
    @usableFromInline let edgeBytes: [UInt8]
    @usableFromInline let edgeTargets: [Int32]
    @usableFromInline let failure: [Int32]
    @usableFromInline let outputStart: [Int32]  // per state; outputStart[state + 1] ends its outputs
    @usableFromInline let outputs: [Int32]  // pattern indices
    @usableFromInline let lengths: [Int]
    /// One bit per pair of folded bytes that some pattern starts with (every pair after the
    /// byte of a one-byte pattern): at the root, a position whose pair is not here can start
    /// no match, and the scan steps over it without entering the trie. Chinese text, whose
    /// characters mostly begin no phrase, then costs a table read per byte.
    @usableFromInline let startPairs: [UInt64]
    /// One bit per 16-bit key (`tripleKey`) of the first three folded bytes of a pattern of
    /// three bytes or more, and for every key when some pattern is shorter: a second test for
    /// a position that passes the pair test. In Chinese text the pair test passes at almost
    /// every character (a lead byte and one continuation byte say little) and in English at
    /// most letters; three bytes (for Chinese, the whole character) say far more.
    @usableFromInline let startTriples: [UInt64]
    /// A third test for a position that passes the triple test, in two bit sets of 1,024
    /// words: first the triple keys that some pattern of three to five bytes starts with (all,
    /// when some pattern is shorter), then one bit per 16-bit hash (`sixKey`) of the first six
    /// folded bytes of every longer pattern. A position whose triple is not in the first set
    /// starts a match only if its six bytes are in the second. The triple test passes at most
    /// common characters of Chinese text and at many English word starts (一, 有, "the"),
    /// where entering the trie cost more than the scan; two characters or six letters rarely
    /// start a phrase by chance. The scan that skips inside words (mostly-ASCII text) asks
    /// this test alone, both sets at once, where eight bytes remain: there the pair and triple
    /// tests before it were branches that went one way or the other from word to word.
    @usableFromInline let sixTest: [UInt64]
    /// Whether ASCII capitals are folded (`init`'s `caseInsensitiveASCII`).
    @usableFromInline let foldsCase: Bool
    /// Whether some pattern starts with a UTF-8 continuation byte (never, for text patterns):
    /// when none does, a character that starts no pattern is stepped over whole.
    @usableFromInline let continuationStarts: Bool
    /// For states with many edges (a character's lead byte has dozens of continuations),
    /// the offset of their 256 entries in `denseTargets`, or -1: a table read instead of a
    /// walk along a long sorted list.
    @usableFromInline let denseStart: [Int32]
    @usableFromInline let denseTargets: [Int32]
    /// The number of patterns.
    public var patternCount: Int { lengths.count }

    /// Compiles `patterns`; with `caseInsensitiveASCII`, ASCII letters match either case.
    /// Empty patterns never match.
    public init(patterns: [[UInt8]], caseInsensitiveASCII: Bool) {
        var fold = [UInt8](repeating: 0, count: 256)
        for b in 0..<256 {
            fold[b] = caseInsensitiveASCII && b >= 0x41 && b <= 0x5A ? UInt8(b + 0x20) : UInt8(b)
        }
        let totalBytes = patterns.reduce(0) { $0 + $1.count }
        precondition(totalBytes < Int(Int32.max), "too many phrases for one automaton")
        var trie = TrieBuilder(states: totalBytes + 1, patterns: patterns.count)
        defer { trie.deallocate() }
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            pattern.withUnsafeBufferPointer { trie.insert($0, index: Int32(index), fold: fold) }
        }
        let count = trie.stateCount
        var rootNext = [Int32](repeating: 0, count: 256)
        for b in 0..<256 { rootNext[b] = trie.rootChild[Int(fold[b])] }
        // The edges are laid out and the wide states' tables made first: the failure links
        // then look children up there, where the builder's lists had to be walked (a lead byte
        // of Chinese text has dozens of continuations, and most states ask one).
        let edges = Self.flatEdges(trie)
        let (denseStart, denseTargets) = Self.denseTables(
            stateCount: count, edgeStart: edges.edgeStart, edgeBytes: edges.edgeBytes, edgeTargets: edges.edgeTargets)
        let failure = Self.failureLinks(
            rootChild: UnsafeBufferPointer(start: trie.rootChild, count: 256), edgeStart: edges.edgeStart,
            edgeBytes: edges.edgeBytes, edgeTargets: edges.edgeTargets, denseStart: denseStart, denseTargets: denseTargets)
        let (outputStart, outputs) = Self.outputs(trie, failure: failure)
        self.fold = fold
        self.rootNext = rootNext
        self.edgeStart = edges.edgeStart
        self.edgeBytes = edges.edgeBytes
        self.edgeTargets = edges.edgeTargets
        self.failure = failure
        self.outputStart = outputStart
        self.outputs = outputs
        self.lengths = patterns.map { $0.count }
        self.startPairs = Self.startPairs(patterns, fold: fold)
        (self.startTriples, self.continuationStarts) = Self.startTriples(patterns, fold: fold)
        self.sixTest = Self.sixTest(patterns, fold: fold)
        self.foldsCase = caseInsensitiveASCII
        (self.denseStart, self.denseTargets) = (denseStart, denseTargets)
    }

    /// The failure link of every state, breadth first: the deepest state that the longest
    /// proper suffix of the state's path reaches (0, the root, when none).
    @inline(__always) private static func failureLinks(
        rootChild: UnsafeBufferPointer<Int32>, edgeStart: [Int32], edgeBytes: [UInt8], edgeTargets: [Int32], denseStart: [Int32],
        denseTargets: [Int32]
    ) -> [Int32] {
        let count = edgeStart.count - 1
        var failure = [Int32](repeating: 0, count: count)
        // The child of `state` by `byte` (bytes already folded), or -1.
        func child(_ state: Int, _ byte: UInt8) -> Int32 {
            if state == 0 {
                let next = rootChild[Int(byte)]
                return next == 0 ? -1 : next
            }
            let dense = Int(denseStart[state])
            if dense >= 0 { return denseTargets[dense + Int(byte)] }
            // Few and sorted.
            for e in Int(edgeStart[state])..<Int(edgeStart[state + 1]) where edgeBytes[e] >= byte {
                return edgeBytes[e] == byte ? edgeTargets[e] : -1
            }
            return -1
        }
        var queue = [Int32](repeating: 0, count: count)
        var (head, tail) = (0, 0)
        for e in Int(edgeStart[0])..<Int(edgeStart[1]) {
            queue[tail] = edgeTargets[e]
            tail += 1
        }
        while head < tail {
            let state = Int(queue[head])
            head += 1
            for e in Int(edgeStart[state])..<Int(edgeStart[state + 1]) {
                let byte = edgeBytes[e], next = edgeTargets[e]
                var f = Int(failure[state])
                var target = child(f, byte)
                while target < 0 && f != 0 {
                    f = Int(failure[f])
                    target = child(f, byte)
                }
                failure[Int(next)] = target < 0 || target == next ? 0 : target
                queue[tail] = next
                tail += 1
            }
        }
        return failure
    }

    /// Each state's outputs, its own and then those along its failure chain, in flat arrays
    /// (counted first, then written in place).
    @inline(__always) private static func outputs(_ trie: TrieBuilder, failure: [Int32]) -> (outputStart: [Int32], outputs: [Int32]) {
        let count = trie.stateCount
        // Calls `body` with each output of `state` in order.
        func forEachOutput(of state: Int, _ body: (Int32) -> Void) {
            var s = state
            while s != 0 {
                var o = trie.ownHead[s]
                while o >= 0 {
                    body(trie.ownValue[Int(o)])
                    o = trie.ownNext[Int(o)]
                }
                s = Int(failure[s])
            }
        }
        var total = 0
        for state in 0..<count { forEachOutput(of: state) { _ in total += 1 } }
        var outputStart = [Int32](repeating: 0, count: count + 1)
        let outputs = [Int32](unsafeUninitializedCapacity: total) { outputs, written in
            written = 0
            outputStart.withUnsafeMutableBufferPointer { outputStart in
                for state in 0..<count {
                    forEachOutput(of: state) { value in
                        outputs.initializeElement(at: written, to: value)
                        written += 1
                    }
                    outputStart[state + 1] = Int32(written)
                }
            }
        }
        return (outputStart, outputs)
    }

    /// Each state's edges sorted by byte in flat arrays (most states have one, and none more
    /// than 256).
    ///
    /// Written through pointers: every run builds the claim lexicon's automaton and most
    /// Chinese runs the source cues', and checked writes to growing arrays were a third of
    /// building them.
    @inline(__always) private static func flatEdges(_ trie: TrieBuilder) -> (
        edgeStart: [Int32], edgeBytes: [UInt8], edgeTargets: [Int32]
    ) {
        var edgeStart = [Int32](repeating: 0, count: trie.stateCount + 1)
        var edgeTargets = [Int32](repeating: 0, count: trie.edgeCount)
        let edgeBytes = [UInt8](unsafeUninitializedCapacity: trie.edgeCount) { bytes, initialized in
            edgeTargets.withUnsafeMutableBufferPointer { targets in
                edgeStart.withUnsafeMutableBufferPointer { edgeStart in
                    fillFlatEdges(trie, bytes: bytes, targets: targets, edgeStart: edgeStart)
                }
            }
            initialized = trie.edgeCount
        }
        return (edgeStart, edgeBytes, edgeTargets)
    }

    /// Writes `flatEdges`' arrays, sized for the trie's edges.
    @inline(__always) private static func fillFlatEdges(
        _ trie: TrieBuilder, bytes: UnsafeMutableBufferPointer<UInt8>, targets: UnsafeMutableBufferPointer<Int32>,
        edgeStart: UnsafeMutableBufferPointer<Int32>
    ) {
        // A state's edges are listed newest first: each is put in its place among those
        // written before it (bytes are unique among siblings). A state with many edges (a lead
        // byte of Chinese text has dozens of continuations) is sorted by a table of bytes.
        var byByte = [Int32](repeating: -1, count: 256)
        var written = 0
        for state in 0..<trie.stateCount {
            let first = written
            var e = trie.firstEdge[state]
            while e >= 0 {
                let byte = trie.edgeByte[Int(e)], target = trie.edgeTarget[Int(e)]
                var k = written
                while k > first && bytes[k - 1] > byte {
                    bytes[k] = bytes[k - 1]
                    targets[k] = targets[k - 1]
                    k -= 1
                }
                bytes[k] = byte
                targets[k] = target
                written += 1
                e = trie.edgeNext[Int(e)]
                if written - first == 16 && e >= 0 {
                    // Many: the rest go through the table, then all are read back in order.
                    for k in first..<written { byByte[Int(bytes[k])] = targets[k] }
                    while e >= 0 {
                        byByte[Int(trie.edgeByte[Int(e)])] = trie.edgeTarget[Int(e)]
                        written += 1
                        e = trie.edgeNext[Int(e)]
                    }
                    var k = first
                    for byte in 0..<256 where byByte[byte] >= 0 {
                        bytes[k] = UInt8(byte)
                        targets[k] = byByte[byte]
                        byByte[byte] = -1
                        k += 1
                    }
                }
            }
            edgeStart[state + 1] = Int32(written)
        }
    }

    /// The bit set of the first two (folded) bytes of the patterns; a one-byte pattern allows
    /// any second byte.
    @inline(__always) private static func startPairs(_ patterns: [[UInt8]], fold: [UInt8]) -> [UInt64] {
        var startPairs = [UInt64](repeating: 0, count: 1 << 10)
        for pattern in patterns where !pattern.isEmpty {
            let first = Int(fold[Int(pattern[0])]) << 8
            if pattern.count == 1 {
                for second in 0..<256 { startPairs[(first | second) >> 6] |= 1 << UInt64(second & 63) }
            } else {
                let pair = first | Int(fold[Int(pattern[1])])
                startPairs[pair >> 6] |= 1 << UInt64(pair & 63)
            }
        }
        return startPairs
    }

    /// The bit set of the patterns' first three bytes (all set when a pattern is shorter), and
    /// whether a pattern starts with a UTF-8 continuation byte.
    @inline(__always) private static func startTriples(_ patterns: [[UInt8]], fold: [UInt8]) -> ([UInt64], Bool) {
        var startTriples = [UInt64](repeating: 0, count: 1 << 10)
        var continuationStarts = false
        var short = false
        for pattern in patterns where !pattern.isEmpty {
            if pattern[0] & 0xC0 == 0x80 { continuationStarts = true }
            guard pattern.count >= 3 else {
                short = true
                continue
            }
            let key = Self.tripleKey(fold[Int(pattern[0])], fold[Int(pattern[1])], fold[Int(pattern[2])])
            startTriples[key >> 6] |= 1 << UInt64(key & 63)
        }
        return (short ? [UInt64](repeating: ~0, count: 1 << 10) : startTriples, continuationStarts)
    }

    /// The bit sets of `sixTest`: the triples of patterns shorter than six bytes (all, when
    /// some pattern is shorter than three), then the six-byte hashes of the others.
    @inline(__always) private static func sixTest(_ patterns: [[UInt8]], fold: [UInt8]) -> [UInt64] {
        var test = [UInt64](repeating: 0, count: 2 << 10)
        var short = false
        for pattern in patterns where !pattern.isEmpty {
            if pattern.count < 3 {
                short = true
            } else if pattern.count < 6 {
                let key = Self.tripleKey(fold[Int(pattern[0])], fold[Int(pattern[1])], fold[Int(pattern[2])])
                test[key >> 6] |= 1 << UInt64(key & 63)
            } else {
                var word: UInt64 = 0
                for k in 0..<6 { word |= UInt64(fold[Int(pattern[k])]) << UInt64(8 * k) }
                let key = Self.sixKey(word)
                test[1024 + (key >> 6)] |= 1 << UInt64(key & 63)
            }
        }
        if short { test.replaceSubrange(0..<1024, with: repeatElement(~0, count: 1024)) }
        return test
    }

    /// A 16-bit hash of the low six bytes of `word` (the first six bytes of a position, read
    /// little-endian).
    @inlinable @inline(__always)
    static func sixKey(_ word: UInt64) -> Int {
        Int(truncatingIfNeeded: ((word & 0xFFFF_FFFF_FFFF) &* 0x9E37_79B9_7F4A_7C15) >> 48)
    }

    /// `word` with its ASCII capitals made small, as `fold` does byte by byte when matching
    /// ignores case.
    @inlinable @inline(__always)
    static func foldedASCII(_ word: UInt64) -> UInt64 {
        let low7 = word & 0x7F7F_7F7F_7F7F_7F7F
        let atLeastA = low7 &+ 0x3F3F_3F3F_3F3F_3F3F  // high bit: 0x41 or more
        let pastZ = low7 &+ 0x2525_2525_2525_2525  // high bit: 0x5B or more
        let capital = atLeastA & ~pastZ & ~word & 0x8080_8080_8080_8080
        return word | (capital >> 2)
    }

    /// A 256-entry table for each state with more than six edges, and where each starts.
    @inline(__always) private static func denseTables(
        stateCount count: Int, edgeStart: [Int32], edgeBytes: [UInt8], edgeTargets: [Int32]
    ) -> ([Int32], [Int32]) {
        var denseStart = [Int32](repeating: -1, count: count)
        var dense = 0
        for state in 1..<max(count, 1) where edgeStart[state + 1] - edgeStart[state] > 6 {
            denseStart[state] = Int32(dense * 256)
            dense += 1
        }
        // Filled in place: a table per state appended one by one was copied as it grew.
        var denseTargets = [Int32](repeating: -1, count: dense * 256)
        for state in 1..<max(count, 1) where denseStart[state] >= 0 {
            let base = Int(denseStart[state])
            for e in Int(edgeStart[state])..<Int(edgeStart[state + 1]) { denseTargets[base + Int(edgeBytes[e])] = edgeTargets[e] }
        }
        return (denseStart, denseTargets)
    }

    /// A 16-bit key of three bytes: for a three-byte UTF-8 character, its scalar; other bytes
    /// may share a key (the test only skips).
    @inlinable @inline(__always)
    static func tripleKey(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> Int {
        Int(b0 & 0x0F) << 12 | Int(b1 & 0x3F) << 6 | Int(b2 & 0x3F)
    }

    /// Calls `body` for every occurrence, overlapping ones included, in order of their end.
    @inlinable
    public func matches(in text: UnsafeBufferPointer<UInt8>, _ body: (_ patternIndex: Int, _ range: Range<Int>) -> Void) {
        scan(text, words: false, body)
    }

    /// `matches(in:_:)`, except that an occurrence of a pattern that begins with an ASCII word
    /// byte (letter, digit, `_`) right after another such byte may be left out: for callers
    /// that keep only occurrences starting a word. The scan then steps over the rest of each
    /// word that starts no pattern instead of testing every letter of it, which pays on text
    /// that is mostly ASCII (`isMostlyASCII`); on Chinese text the word test only costs.
    @inlinable
    public func matchesSkippingInsideWords(
        in text: UnsafeBufferPointer<UInt8>, _ body: (_ patternIndex: Int, _ range: Range<Int>) -> Void
    ) {
        scan(text, words: true, body)
    }

    /// Whether fewer than one byte in eight of the text's first 1,024 is outside ASCII.
    public static func isMostlyASCII(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = min(text.count, 1024)
        var high = 0
        var k = 0
        while k + 8 <= n {
            let word = ByteWords.load(text.baseAddress!, k)
            high += ByteWords.highBitCount(word & 0x8080_8080_8080_8080)
            k += 8
        }
        while k < n {
            if text[k] >= 0x80 { high += 1 }
            k += 1
        }
        return high * 8 < n
    }

    /// The loop of `matches` and `matchesSkippingInsideWords`, each calling it with its
    /// constant: each caller's copy is compiled for it, and the Chinese text's loop stays free
    /// of the word test.
    @inlinable @inline(__always)
    func scan(_ text: UnsafeBufferPointer<UInt8>, words: Bool, _ body: (_ patternIndex: Int, _ range: Range<Int>) -> Void) {
        if lengths.isEmpty { return }
        fold.withUnsafeBufferPointer { fold in
            rootNext.withUnsafeBufferPointer { rootNext in
                edgeStart.withUnsafeBufferPointer { edgeStart in
                    edgeBytes.withUnsafeBufferPointer { edgeBytes in
                        edgeTargets.withUnsafeBufferPointer { edgeTargets in
                            failure.withUnsafeBufferPointer { failure in
                                startPairs.withUnsafeBufferPointer { startPairs in
                                    startTriples.withUnsafeBufferPointer { startTriples in
                                        sixTest.withUnsafeBufferPointer { sixTest in
                                            denseStart.withUnsafeBufferPointer { denseStart in
                                                denseTargets.withUnsafeBufferPointer { denseTargets in
                                                    var state = 0
                                                    var i = 0
                                                    let n = text.count
                                                    let skipWhole = !continuationStarts
                                                    while i < n {
                                                        var b = fold[Int(text[i])]
                                                        if state == 0 {
                                                            Self.skipToPossibleStart(
                                                                text, &i, &b, skipWhole: skipWhole, words: words, foldsCase: foldsCase,
                                                                fold: fold,
                                                                startPairs: startPairs, startTriples: startTriples, sixTest: sixTest)
                                                            if i >= n { break }
                                                        }
                                                        state = Self.next(
                                                            state, b, rootNext: rootNext, denseStart: denseStart,
                                                            denseTargets: denseTargets, edgeStart: edgeStart, edgeBytes: edgeBytes,
                                                            edgeTargets: edgeTargets, failure: failure)
                                                        let start = Int(outputStart[state])
                                                        let stop = Int(outputStart[state + 1])
                                                        if start != stop {
                                                            for k in start..<stop {
                                                                let pattern = Int(outputs[k])
                                                                body(pattern, (i + 1 - lengths[pattern])..<(i + 1))
                                                            }
                                                        }
                                                        i += 1
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    // The two steps of the `matches` loop. They take the tables as the loop's buffers and are
    // `@inline(__always)` so that the loop compiles as one function, its buffers and indices in
    // registers, as it did when the steps were written inside it.

    /// At the root, steps `i` over positions that start no pattern: the state after them is
    /// the root again. Stops at a position that may start one, `b` its folded byte, or at
    /// the text's end.
    @inlinable @inline(__always)
    static func skipToPossibleStart(
        _ text: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ b: inout UInt8, skipWhole: Bool, words: Bool, foldsCase: Bool,
        fold: UnsafeBufferPointer<UInt8>, startPairs: UnsafeBufferPointer<UInt64>, startTriples: UnsafeBufferPointer<UInt64>,
        sixTest: UnsafeBufferPointer<UInt64>
    ) {
        let n = text.count
        while i + 1 < n {
            if words && i + 8 <= n {
                // Mostly-ASCII text: the six-byte test alone, with the short patterns' triples,
                // decides; the pair and triple tests before it each branched one way or the
                // other at every word, where this one rarely passes. It passes wherever they
                // all did, and a chance pass only enters the trie.
                let folded = foldsCase ? Self.foldedASCII(ByteWords.load(text.baseAddress!, i)) : ByteWords.load(text.baseAddress!, i)
                let key = Self.tripleKey(b, UInt8(truncatingIfNeeded: folded >> 8), UInt8(truncatingIfNeeded: folded >> 16))
                let six = Self.sixKey(folded)
                if (sixTest[key >> 6] >> UInt64(key & 63) | sixTest[1024 + (six >> 6)] >> UInt64(six & 63)) & 1 != 0 { break }
                i = WordBoundary.isASCIIWordByte(b) ? Self.wordEnd(text, from: i + 1) : i + 1
                if i >= n { break }
                b = fold[Int(text[i])]
                continue
            }
            let b1 = fold[Int(text[i + 1])]
            let pair = Int(b) << 8 | Int(b1)
            if startPairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 {
                guard i + 2 < n else { break }
                let b2 = fold[Int(text[i + 2])]
                let key = Self.tripleKey(b, b1, b2)
                if startTriples[key >> 6] & (1 << UInt64(key & 63)) != 0 {
                    if sixTest[key >> 6] & (1 << UInt64(key & 63)) != 0 || i + 8 > n { break }
                    let raw = ByteWords.load(text.baseAddress!, i)
                    let six = Self.sixKey(foldsCase ? Self.foldedASCII(raw) : raw)
                    if sixTest[1024 + (six >> 6)] & (1 << UInt64(six & 63)) != 0 { break }
                }
                // No pattern starts here, nor (when none starts with a continuation byte)
                // inside this character.
                if words && WordBoundary.isASCIIWordByte(b) {
                    i = Self.wordEnd(text, from: i + 1)
                } else {
                    i += skipWhole && Self.isThreeByteCharacter(b, b1, b2) ? 3 : 1
                }
                if i >= n { break }
            } else if words && WordBoundary.isASCIIWordByte(b) {
                // Nor anywhere else in this word (see `matchesSkippingInsideWords`).
                i = Self.wordEnd(text, from: i + 1)
                if i >= n { break }
            } else if skipWhole && i + 2 < n && Self.isThreeByteCharacter(b, b1, text[i + 2]) {
                // No pattern starts here, nor inside this three-byte character: Chinese text is
                // stepped a character at a time, where each continuation byte took a turn of
                // this loop.
                i += 3
                if i >= n { break }
            } else {
                i += 1
            }
            b = fold[Int(text[i])]
        }
    }

    /// Whether `lead`, `second` and `third` (folded: folding leaves bytes above ASCII as they
    /// are) are one three-byte UTF-8 character: a lead byte 1110xxxx and two continuation bytes.
    @inlinable @inline(__always)
    static func isThreeByteCharacter(_ lead: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
        lead & 0xF0 == 0xE0 && second & 0xC0 == 0x80 && third & 0xC0 == 0x80
    }

    /// The first offset from `j` whose byte is not an ASCII word byte (the text's end if
    /// none), eight bytes at a time.
    @inlinable @inline(__always)
    static func wordEnd(_ text: UnsafeBufferPointer<UInt8>, from j: Int) -> Int {
        var j = j
        let n = text.count
        while j + 8 <= n {
            let word = ByteWords.load(text.baseAddress!, j)
            let other = ~wordBytes(word) & 0x8080_8080_8080_8080
            if other != 0 { return j + other.trailingZeroBitCount >> 3 }
            j += 8
        }
        while j < n && WordBoundary.isASCIIWordByte(text[j]) { j += 1 }
        return j
    }

    /// The high bit of each byte of `word` set where that byte is an ASCII word byte
    /// (`WordBoundary.isASCIIWordByte`, eight at a time). Each range test adds to the low
    /// seven bits, which cannot carry into the next byte; bytes of 0x80 or more are cleared
    /// at the end.
    @inlinable @inline(__always)
    static func wordBytes(_ word: UInt64) -> UInt64 {
        let low7 = word & 0x7F7F_7F7F_7F7F_7F7F
        let lower = low7 | 0x2020_2020_2020_2020
        // High bit set: byte >= lo is x + (0x80 - lo); byte > hi is x + (0x7F - hi).
        let letter = (lower &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(lower &+ 0x0505_0505_0505_0505)
        let digit = (low7 &+ 0x5050_5050_5050_5050) & ~(low7 &+ 0x4646_4646_4646_4646)
        let underscore = ByteWords.equalBytes(low7, ByteWords.broadcast(0x5F))
        return (letter | digit | underscore) & ~word & 0x8080_8080_8080_8080
    }

    /// The state after the folded byte `b` in `state`: its edge for `b`, or else its
    /// failure link's, down to the root.
    @inlinable @inline(__always)
    static func next(
        _ state: Int, _ b: UInt8, rootNext: UnsafeBufferPointer<Int32>, denseStart: UnsafeBufferPointer<Int32>,
        denseTargets: UnsafeBufferPointer<Int32>, edgeStart: UnsafeBufferPointer<Int32>, edgeBytes: UnsafeBufferPointer<UInt8>,
        edgeTargets: UnsafeBufferPointer<Int32>, failure: UnsafeBufferPointer<Int32>
    ) -> Int {
        var state = state
        while true {
            if state == 0 {
                state = Int(rootNext[Int(b)])
                break
            }
            let dense = Int(denseStart[state])
            if dense >= 0 {
                let target = Int(denseTargets[dense + Int(b)])
                if target >= 0 {
                    state = target
                    break
                }
                state = Int(failure[state])
                continue
            }
            var found = -1
            var e = Int(edgeStart[state])
            let end = Int(edgeStart[state + 1])
            while e < end {
                let eb = edgeBytes[e]
                if eb == b {
                    found = Int(edgeTargets[e])
                    break
                }
                if eb > b { break }
                e += 1
            }
            if found >= 0 {
                state = found
                break
            }
            state = Int(failure[state])
        }
        return state
    }

    /// The leftmost-longest non-overlapping occurrences, in text order.
    public func nonOverlappingMatches(in text: UnsafeBufferPointer<UInt8>) -> [(patternIndex: Int, range: Range<Int>)] {
        var all: [(patternIndex: Int, range: Range<Int>)] = []
        matches(in: text) { all.append(($0, $1)) }
        all.sort {
            $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.count > $1.range.count
        }
        var out: [(patternIndex: Int, range: Range<Int>)] = []
        var end = 0
        for match in all where match.range.lowerBound >= end {
            out.append(match)
            end = match.range.upperBound
        }
        return out
    }
}

/// The trie while it is built, in buffers sized once from the patterns' total length (a trie
/// has at most one state per pattern byte, plus the root), with each state's edges and
/// outputs as linked lists. Lexicons of thousands of phrases are compiled at start-up, where
/// growing arrays state by state cost several times the building itself.
private struct TrieBuilder {
    let capacity: Int
    private(set) var stateCount = 1
    private(set) var edgeCount = 0
    private var outputCount = 0
    let firstEdge: UnsafeMutablePointer<Int32>
    let edgeNext: UnsafeMutablePointer<Int32>
    let edgeByte: UnsafeMutablePointer<UInt8>
    let edgeTarget: UnsafeMutablePointer<Int32>
    let ownHead: UnsafeMutablePointer<Int32>
    let ownTail: UnsafeMutablePointer<Int32>
    let ownNext: UnsafeMutablePointer<Int32>
    let ownValue: UnsafeMutablePointer<Int32>
    /// The root's children by byte (0: none; the root is never a child): the failure links
    /// ask the root for a child of nearly every state.
    let rootChild: UnsafeMutablePointer<Int32>

    init(states: Int, patterns: Int) {
        capacity = states
        firstEdge = .allocate(capacity: states)
        edgeNext = .allocate(capacity: states)
        edgeByte = .allocate(capacity: states)
        edgeTarget = .allocate(capacity: states)
        ownHead = .allocate(capacity: states)
        ownTail = .allocate(capacity: states)
        ownNext = .allocate(capacity: max(1, patterns))
        ownValue = .allocate(capacity: max(1, patterns))
        rootChild = .allocate(capacity: 256)
        rootChild.initialize(repeating: 0, count: 256)
        firstEdge[0] = -1
        ownHead[0] = -1
        ownTail[0] = -1
    }

    func deallocate() {
        for pointer in [firstEdge, edgeNext, edgeTarget, ownHead, ownTail, ownNext, ownValue, rootChild] { pointer.deallocate() }
        edgeByte.deallocate()
    }

    func child(_ state: Int, _ b: UInt8) -> Int32? {
        if state == 0 {
            let next = rootChild[Int(b)]
            return next == 0 ? nil : next
        }
        var e = firstEdge[state]
        while e >= 0 {
            if edgeByte[Int(e)] == b { return edgeTarget[Int(e)] }
            e = edgeNext[Int(e)]
        }
        return nil
    }

    mutating func insert(_ pattern: UnsafeBufferPointer<UInt8>, index: Int32, fold: [UInt8]) {
        var state = 0
        for raw in pattern {
            let b = fold[Int(raw)]
            if let next = child(state, b) {
                state = Int(next)
                continue
            }
            let next = stateCount
            stateCount += 1
            firstEdge[next] = -1
            ownHead[next] = -1
            ownTail[next] = -1
            let edge = edgeCount
            edgeCount += 1
            edgeByte[edge] = b
            edgeTarget[edge] = Int32(next)
            edgeNext[edge] = firstEdge[state]
            firstEdge[state] = Int32(edge)
            if state == 0 { rootChild[Int(b)] = Int32(next) }
            state = next
        }
        let node = outputCount
        outputCount += 1
        ownValue[node] = index
        ownNext[node] = -1
        if ownTail[state] >= 0 { ownNext[Int(ownTail[state])] = Int32(node) } else { ownHead[state] = Int32(node) }
        ownTail[state] = Int32(node)
    }
}
