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
        // Trie with per-state edge and output lists kept as linked lists in flat pools while
        // building: lexicons of thousands of phrases have tens of thousands of states, and an
        // array per state made building cost more than a whole short document's check.
        var firstEdge: [Int32] = [-1]
        var edgeNext: [Int32] = []
        var edgeByte: [UInt8] = []
        var edgeTarget: [Int32] = []
        var ownHead: [Int32] = [-1]
        var ownTail: [Int32] = [-1]
        var ownNext: [Int32] = []
        var ownValue: [Int32] = []
        func child(_ state: Int, _ b: UInt8) -> Int32? {
            var e = firstEdge[state]
            while e >= 0 {
                if edgeByte[Int(e)] == b { return edgeTarget[Int(e)] }
                e = edgeNext[Int(e)]
            }
            return nil
        }
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
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
                    state = Int(next)
                }
            }
            let node = Int32(ownValue.count)
            ownValue.append(Int32(index))
            ownNext.append(-1)
            if ownTail[state] >= 0 { ownNext[Int(ownTail[state])] = node } else { ownHead[state] = node }
            ownTail[state] = node
        }
        let count = firstEdge.count
        // Breadth-first failure links (sibling order does not matter: a failure state is
        // always shallower). A state's outputs are its own, then those along its failure chain.
        var failure = [Int32](repeating: 0, count: count)
        var queue: [Int] = []
        queue.reserveCapacity(count)
        var e0 = firstEdge[0]
        while e0 >= 0 { queue.append(Int(edgeTarget[Int(e0)])); e0 = edgeNext[Int(e0)] }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            var e = firstEdge[state]
            while e >= 0 {
                let b = edgeByte[Int(e)], next = edgeTarget[Int(e)]
                var f = Int(failure[state])
                while f != 0 && child(f, b) == nil { f = Int(failure[f]) }
                let target = child(f, b) ?? 0
                failure[Int(next)] = (state == 0 || Int(target) == Int(next)) ? 0 : target
                queue.append(Int(next))
                e = edgeNext[Int(e)]
            }
        }
        var rootNext = [Int32](repeating: 0, count: 256)
        var r = firstEdge[0]
        while r >= 0 { rootNext[Int(edgeByte[Int(r)])] = edgeTarget[Int(r)]; r = edgeNext[Int(r)] }
        for b in 0..<256 where fold[b] != UInt8(b) { rootNext[b] = rootNext[Int(fold[b])] }
        var edgeStart: [Int32] = [0]
        edgeStart.reserveCapacity(count + 1)
        var edgeBytes: [UInt8] = []
        edgeBytes.reserveCapacity(edgeByte.count)
        var edgeTargets: [Int32] = []
        edgeTargets.reserveCapacity(edgeByte.count)
        var outputStart: [Int32] = [0]
        outputStart.reserveCapacity(count + 1)
        var outputs: [Int32] = []
        var scratch: [(UInt8, Int32)] = []
        for state in 0..<count {
            scratch.removeAll(keepingCapacity: true)
            var e = firstEdge[state]
            while e >= 0 { scratch.append((edgeByte[Int(e)], edgeTarget[Int(e)])); e = edgeNext[Int(e)] }
            // Bytes are unique among siblings, so the order is total.
            scratch.sort { $0.0 < $1.0 }
            for (b, next) in scratch {
                edgeBytes.append(b)
                edgeTargets.append(next)
            }
            edgeStart.append(Int32(edgeBytes.count))
            var s = state
            while s != 0 {
                var o = ownHead[s]
                while o >= 0 { outputs.append(ownValue[Int(o)]); o = ownNext[Int(o)] }
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
