/// A multi-pattern byte matcher: one pass over the text finds every occurrence of every pattern.
///
/// Built as a full DFA over byte classes (bytes that occur in no pattern share one class), so the
/// scan is one table lookup per byte whatever the number of patterns.
public struct AhoCorasick: Sendable {
    private let classOf: [UInt8]  // 256 entries
    private let classCount: Int
    private let transitions: [Int32]  // state * classCount + class
    private let outputStart: [Int32]  // per state, index into outputs; outputStart[state + 1] ends it
    private let outputs: [Int32]  // pattern indices
    private let lengths: [Int]
    /// The number of patterns.
    public var patternCount: Int { lengths.count }

    /// Compiles `patterns`; with `caseInsensitiveASCII`, ASCII letters match either case.
    /// Empty patterns never match.
    public init(patterns: [[UInt8]], caseInsensitiveASCII: Bool) {
        @inline(__always) func fold(_ b: UInt8) -> UInt8 {
            caseInsensitiveASCII && b >= 0x41 && b <= 0x5A ? b + 0x20 : b
        }
        var classOf = [UInt8](repeating: 0, count: 256)
        var nextClass = 1
        for pattern in patterns {
            for b in pattern where classOf[Int(fold(b))] == 0 {
                // More than 255 distinct bytes cannot occur: there are only 256 byte values.
                classOf[Int(fold(b))] = UInt8(min(nextClass, 255))
                nextClass += 1
            }
        }
        if caseInsensitiveASCII {
            for b in UInt8(0x41)...UInt8(0x5A) { classOf[Int(b)] = classOf[Int(b + 0x20)] }
        }
        let classCount = nextClass
        // Trie.
        var goto: [[Int32]] = [[Int32](repeating: -1, count: classCount)]
        var terminal: [[Int32]] = [[]]
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state = 0
            for b in pattern {
                let c = Int(classOf[Int(fold(b))])
                if goto[state][c] < 0 {
                    goto.append([Int32](repeating: -1, count: classCount))
                    terminal.append([])
                    goto[state][c] = Int32(goto.count - 1)
                }
                state = Int(goto[state][c])
            }
            terminal[state].append(Int32(index))
        }
        // Breadth-first failure links, turning the trie into a DFA.
        var fail = [Int32](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for c in 0..<classCount {
            if goto[0][c] < 0 {
                goto[0][c] = 0
            } else {
                fail[Int(goto[0][c])] = 0
                queue.append(Int(goto[0][c]))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            terminal[state].append(contentsOf: terminal[Int(fail[state])])
            for c in 0..<classCount {
                let next = goto[state][c]
                if next < 0 {
                    goto[state][c] = goto[Int(fail[state])][c]
                } else {
                    fail[Int(next)] = goto[Int(fail[state])][c]
                    queue.append(Int(next))
                }
            }
        }
        var flat: [Int32] = []
        flat.reserveCapacity(goto.count * classCount)
        for row in goto { flat.append(contentsOf: row) }
        var starts: [Int32] = [0]
        var outs: [Int32] = []
        for list in terminal {
            outs.append(contentsOf: list)
            starts.append(Int32(outs.count))
        }
        self.classOf = classOf
        self.classCount = classCount
        self.transitions = flat
        self.outputStart = starts
        self.outputs = outs
        self.lengths = patterns.map(\.count)
    }

    /// Calls `body` for every occurrence, overlapping ones included, in order of their end.
    public func matches(in text: UnsafeBufferPointer<UInt8>, _ body: (_ patternIndex: Int, _ range: Range<Int>) -> Void) {
        if lengths.isEmpty { return }
        classOf.withUnsafeBufferPointer { classes in
            transitions.withUnsafeBufferPointer { table in
                var state = 0
                for i in 0..<text.count {
                    state = Int(table[state &* classCount &+ Int(classes[Int(text[i])])])
                    let start = Int(outputStart[state])
                    let end = Int(outputStart[state + 1])
                    if start != end {
                        for k in start..<end {
                            let pattern = Int(outputs[k])
                            body(pattern, (i + 1 - lengths[pattern])..<(i + 1))
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
