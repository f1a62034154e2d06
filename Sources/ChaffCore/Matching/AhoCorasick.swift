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
        // Trie with per-state edge lists while building.
        var edges: [[(UInt8, Int32)]] = [[]]
        var terminal: [[Int32]] = [[]]
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state = 0
            for raw in pattern {
                let b = fold[Int(raw)]
                if let next = edges[state].first(where: { $0.0 == b })?.1 {
                    state = Int(next)
                } else {
                    edges.append([])
                    terminal.append([])
                    let next = Int32(edges.count - 1)
                    edges[state].append((b, next))
                    state = Int(next)
                }
            }
            terminal[state].append(Int32(index))
        }
        let count = edges.count
        func child(_ state: Int, _ b: UInt8) -> Int32? { edges[state].first { $0.0 == b }?.1 }
        // Breadth-first failure links; each state inherits the outputs of its failure state.
        var failure = [Int32](repeating: 0, count: count)
        var queue: [Int] = edges[0].map { Int($0.1) }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            terminal[state].append(contentsOf: terminal[Int(failure[state])])
            for (b, next) in edges[state] {
                var f = Int(failure[state])
                while f != 0 && child(f, b) == nil { f = Int(failure[f]) }
                let target = child(f, b) ?? 0
                failure[Int(next)] = (state == 0 || Int(target) == Int(next)) ? 0 : target
                queue.append(Int(next))
            }
        }
        var rootNext = [Int32](repeating: 0, count: 256)
        for (b, next) in edges[0] { rootNext[Int(b)] = next }
        for b in 0..<256 where fold[b] != UInt8(b) { rootNext[b] = rootNext[Int(fold[b])] }
        var edgeStart: [Int32] = [0]
        var edgeBytes: [UInt8] = []
        var edgeTargets: [Int32] = []
        var outputStart: [Int32] = [0]
        var outputs: [Int32] = []
        for state in 0..<count {
            for (b, next) in edges[state].sorted(by: { $0.0 < $1.0 }) {
                edgeBytes.append(b)
                edgeTargets.append(next)
            }
            edgeStart.append(Int32(edgeBytes.count))
            outputs.append(contentsOf: terminal[state])
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
