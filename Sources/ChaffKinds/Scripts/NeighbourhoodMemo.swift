import ChaffText

/// What `HanScriptNeighbourhood` keeps between the findings of one text, which it is asked
/// about in text order: the decisive characters around them, and the last sentence it bounded.
struct NeighbourhoodMemo {
    /// Decisive characters of the stretch around the current finding.
    var tallies: DecisiveCharacterIndex
    /// The stretch around the current finding known to hold no line break.
    var newlines = NewlineSpan()
    /// The line window the last sentence was bounded in, and that sentence (empty: none yet).
    private var line = 0..<0
    private var sentence = 0..<0

    /// A memo whose decisive characters come from `tallies` when given (an index of the whole
    /// text), and are otherwise read a stretch at a time around the findings.
    init(tallies: DecisiveCharacterIndex? = nil) {
        self.tallies = tallies ?? DecisiveCharacterIndex(stretchBytes: HanScriptNeighbourhood.indexStretch)
    }

    /// The sentence around `range` (a character) within `line`: the last one found when it
    /// holds `range` and `line` reaches as far as the last line did where that mattered, else
    /// `bound(range, line)`.
    ///
    /// A sentence holds no sentence-ending mark, and neither does a finding (a Han character),
    /// so bounding from any character inside it stops where bounding from the last one
    /// stopped: at a mark, whatever line window it is read in as long as the window holds
    /// that mark, or else at the same edge of the window. In spun text a sentence holds a
    /// dozen findings, and each was bounded anew, character by character back to the
    /// sentence's start. That holds when the sentence is well-formed UTF-8 (read backwards and
    /// forwards, its characters are the same); one that is not is bounded anew each time.
    mutating func sentence(
        around range: Range<Int>, line: Range<Int>, in text: UnsafeBufferPointer<UInt8>,
        bound: (Range<Int>, Range<Int>) -> Range<Int>
    ) -> Range<Int> {
        if sentence.lowerBound <= range.lowerBound && range.upperBound <= sentence.upperBound {
            // A start after the window's start was a mark (read back from inside the window);
            // an end before the window's end was a mark of at most four bytes.
            let sameStart =
                sentence.lowerBound > self.line.lowerBound
                ? line.lowerBound < sentence.lowerBound : line.lowerBound == self.line.lowerBound
            let sameEnd =
                sentence.upperBound < self.line.upperBound
                ? line.upperBound >= min(self.line.upperBound, sentence.upperBound + 4) : line.upperBound == self.line.upperBound
            if sameStart && sameEnd { return sentence }
        }
        let found = bound(range, line)
        let wellFormed = UTF8Decoding.firstInvalidOffset(UnsafeBufferPointer(rebasing: text[found])) == nil
        self.line = line
        sentence = wellFormed ? found : 0..<0
        return found
    }
}
