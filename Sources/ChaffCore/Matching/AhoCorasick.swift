/// A multi-pattern byte matcher: one pass over the text finds every occurrence of every pattern.
///
/// A trie with failure links. The root has a dense 256-entry table (most bytes of a text leave
/// the root at once); other states keep their few edges in a flat sorted list. Building is
/// linear in the patterns' total length, so rule files with thousands of phrases load in about a
/// millisecond instead of filling a dense state × byte table.
public struct AhoCorasick: Sendable {
    private let fold: [UInt8]  // 256 entries: the byte after ASCII case folding
    private let rootNext: [Int32]  // 256 entries
    private let edgeStart: [Int32]  // per state; edgeStart[state + 1] ends its edges
    private let edgeBytes: [UInt8]
    private let edgeTargets: [Int32]
    private let failure: [Int32]
    private let outputStart: [Int32]  // per state; outputStart[state + 1] ends its outputs
    private let outputs: [Int32]  // pattern indices
    private let lengths: [Int]
    /// The number of patterns.
    public var patternCount: Int { lengths.count }

    /// Compiles `patterns`; with `caseInsensitiveASCII`, ASCII letters match either case.
    /// Empty patterns never match.
    public init(patterns: [[UInt8]], caseInsensitiveASCII: Bool) {
        var fold = [UInt8](repeating: 0, count: 256)
        for b in 0..<256 {
            fold[b] = caseInsensitiveASCII && b >= 0x41 && b <= 0x5A ? UInt8(b + 0x20) : UInt8(b)
        }
        var trie = TrieBuilder()
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            trie.insert(pattern, index: Int32(index), fold: fold)
        }
        let failure = trie.failureLinks()
        let count = trie.firstEdge.count
        var rootNext = [Int32](repeating: 0, count: 256)
        var r = trie.firstEdge[0]
        while r >= 0 { rootNext[Int(trie.edgeByte[Int(r)])] = trie.edgeTarget[Int(r)]; r = trie.edgeNext[Int(r)] }
        for b in 0..<256 where fold[b] != UInt8(b) { rootNext[b] = rootNext[Int(fold[b])] }
        // Every state's edges sorted by byte, states in order: one sort of (state, byte) keys,
        // which are unique, instead of a sort per state. A state number takes 24 bits.
        precondition(count < 1 << 24, "too many phrases for one automaton")
        var keys = [UInt64](repeating: 0, count: trie.edgeByte.count)
        for state in 0..<count {
            var e = trie.firstEdge[state]
            while e >= 0 {
                keys[Int(e)] = UInt64(state) << 40 | UInt64(trie.edgeByte[Int(e)]) << 32 | UInt64(UInt32(trie.edgeTarget[Int(e)]))
                e = trie.edgeNext[Int(e)]
            }
        }
        keys.sort()
        var edgeStart = [Int32](repeating: 0, count: count + 1)
        var edgeBytes = [UInt8](repeating: 0, count: keys.count)
        var edgeTargets = [Int32](repeating: 0, count: keys.count)
        for (i, key) in keys.enumerated() {
            edgeStart[Int(key >> 40) + 1] += 1
            edgeBytes[i] = UInt8(truncatingIfNeeded: key >> 32)
            edgeTargets[i] = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)
        }
        for state in 0..<count { edgeStart[state + 1] += edgeStart[state] }
        // A state's outputs are its own, then those along its failure chain.
        var outputStart: [Int32] = [0]
        outputStart.reserveCapacity(count + 1)
        var outputs: [Int32] = []
        for state in 0..<count {
            var s = state
            while s != 0 {
                var o = trie.ownHead[s]
                while o >= 0 { outputs.append(trie.ownValue[Int(o)]); o = trie.ownNext[Int(o)] }
                s = Int(failure[s])
            }
            outputStart.append(Int32(outputs.count))
        }
        self.fold = fold
        self.rootNext = rootNext
        self.edgeStart = edgeStart
        self.edgeBytes = edgeBytes
        self.edgeTargets = edgeTargets
        self.failure = failure
        self.outputStart = outputStart
        self.outputs = outputs
        self.lengths = patterns.map(\.count)
    }

    /// Calls `body` for every occurrence, overlapping ones included, in order of their end.
    public func matches(in text: UnsafeBufferPointer<UInt8>, _ body: (_ patternIndex: Int, _ range: Range<Int>) -> Void) {
        if lengths.isEmpty { return }
        fold.withUnsafeBufferPointer { fold in
            rootNext.withUnsafeBufferPointer { rootNext in
                edgeStart.withUnsafeBufferPointer { edgeStart in
                    edgeBytes.withUnsafeBufferPointer { edgeBytes in
                        edgeTargets.withUnsafeBufferPointer { edgeTargets in
                            failure.withUnsafeBufferPointer { failure in
                                var state = 0
                                for i in 0..<text.count {
                                    let b = fold[Int(text[i])]
                                    while true {
                                        if state == 0 {
                                            state = Int(rootNext[Int(b)])
                                            break
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
                                    let start = Int(outputStart[state])
                                    let stop = Int(outputStart[state + 1])
                                    if start != stop {
                                        for k in start..<stop {
                                            let pattern = Int(outputs[k])
                                            body(pattern, (i + 1 - lengths[pattern])..<(i + 1))
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

    /// The leftmost-longest non-overlapping occurrences, in text order.
    public func nonOverlappingMatches(in text: UnsafeBufferPointer<UInt8>) -> [(patternIndex: Int, range: Range<Int>)] {
        var all: [(patternIndex: Int, range: Range<Int>)] = []
        matches(in: text) { all.append(($0, $1)) }
        all.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.count > $1.range.count }
        var out: [(patternIndex: Int, range: Range<Int>)] = []
        var end = 0
        for match in all where match.range.lowerBound >= end {
            out.append(match)
            end = match.range.upperBound
        }
        return out
    }
}

/// The trie while it is built, with per-state edge and output lists kept as linked lists in flat
/// pools: lexicons of thousands of phrases have tens of thousands of states, and an array per
/// state made building cost more than a whole short document's check.
private struct TrieBuilder {
    var firstEdge: [Int32] = [-1]
    var edgeNext: [Int32] = []
    var edgeByte: [UInt8] = []
    var edgeTarget: [Int32] = []
    var ownHead: [Int32] = [-1]
    var ownTail: [Int32] = [-1]
    var ownNext: [Int32] = []
    var ownValue: [Int32] = []
    /// The root's children by byte (0: none; the root is never a child): most patterns start
    /// with one of a few lead bytes, and the failure links ask the root for a child of every
    /// state, so a list there would be walked tens of thousands of times.
    var rootChild = [Int32](repeating: 0, count: 256)

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

    mutating func insert(_ pattern: [UInt8], index: Int32, fold: [UInt8]) {
        var state = 0
        for raw in pattern {
            let b = fold[Int(raw)]
            if let next = child(state, b) {
                state = Int(next)
            } else {
                let next = Int32(firstEdge.count)
                firstEdge.append(-1)
                ownHead.append(-1)
                ownTail.append(-1)
                edgeByte.append(b)
                edgeTarget.append(next)
                edgeNext.append(firstEdge[state])
                firstEdge[state] = Int32(edgeByte.count - 1)
                if state == 0 { rootChild[Int(b)] = next }
                state = Int(next)
            }
        }
        let node = Int32(ownValue.count)
        ownValue.append(index)
        ownNext.append(-1)
        if ownTail[state] >= 0 { ownNext[Int(ownTail[state])] = node } else { ownHead[state] = node }
        ownTail[state] = node
    }

    /// Breadth-first failure links (sibling order does not matter: a failure state is always
    /// shallower).
    func failureLinks() -> [Int32] {
        let count = firstEdge.count
        var failure = [Int32](repeating: 0, count: count)
        var queue: [Int32] = []
        queue.reserveCapacity(count)
        var e0 = firstEdge[0]
        while e0 >= 0 { queue.append(edgeTarget[Int(e0)]); e0 = edgeNext[Int(e0)] }
        var head = 0
        while head < queue.count {
            let state = Int(queue[head])
            head += 1
            var e = firstEdge[state]
            while e >= 0 {
                let b = edgeByte[Int(e)], next = edgeTarget[Int(e)]
                var target: Int32 = 0
                if state != 0 {
                    var f = Int(failure[state])
                    while true {
                        if let found = child(f, b) { target = found; break }
                        if f == 0 { break }
                        f = Int(failure[f])
                    }
                }
                failure[Int(next)] = target == next ? 0 : target
                queue.append(next)
                e = edgeNext[Int(e)]
            }
        }
        return failure
    }
}
