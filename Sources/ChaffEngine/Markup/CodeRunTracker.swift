/// Follows the code runs of a document (`MaskAssembler.codeRuns(in:)`: the maximal runs of code
/// and markup bytes holding a code byte) while a scanner gives the classes, in order and each
/// byte once, so that the classes need not be read again. Bytes never given a class are
/// markup.
struct CodeRunTracker {
    private var runs: [Range<Int>] = []
    /// Where the run of code and markup bytes that goes on at the last class given starts.
    private var runStart = 0
    /// Whether that run holds code so far.
    private var hasCode = false

    /// Notes that the bytes of `range`, after every range noted before, have the class `value`.
    @inline(__always) mutating func note(_ range: Range<Int>, _ value: UInt8) {
        if value == ScopeClass.code {
            hasCode = true
        } else if value != ScopeClass.none {
            if hasCode { runs.append(runStart..<range.lowerBound) }
            hasCode = false
            runStart = range.upperBound
        }
    }

    /// The runs of a document of `end` bytes.
    func finish(at end: Int) -> [Range<Int>] {
        hasCode ? runs + [runStart..<end] : runs
    }
}
