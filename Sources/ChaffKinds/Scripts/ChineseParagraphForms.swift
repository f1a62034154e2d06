/// Which paragraphs of a text are Chinese and which decisive forms each holds, at one byte per
/// paragraph; their ranges are read again from the text when asked for.
///
/// `mixed-han-script` judges a document by its Chinese paragraphs together and then reads
/// again only those that hold the minority's characters. Kept as ranges, the paragraphs of a
/// 100 MB file were 20 MB, and 32 MB while the array grew: more than the rest of the rule.
/// `HanScriptParagraphs.Reader` finds the same paragraphs again in a fraction of the counting's
/// time. A paragraph that was judged as runs of lines (`HanScriptParagraphs.languageRuns`) keeps
/// its runs' ranges, which are few.
struct ChineseParagraphForms {
    /// A paragraph's byte: `chinese` plus its forms (1 Simplified-only characters, 2
    /// Traditional-only), `split` for one judged as runs, or 0.
    private static let chinese: UInt8 = 0x80
    private static let split: UInt8 = 0x40
    private var codes: [UInt8] = []
    /// The runs of the split paragraphs, in text order, each with its byte.
    private var runs: [(range: Range<Int>, code: UInt8)] = []

    /// Records the reader's next paragraph: Chinese with `forms`, or not Chinese (nil).
    mutating func add(forms: UInt8?) {
        codes.append(Self.code(forms))
    }

    /// Records the reader's next paragraph as judged in `runs` of lines, each Chinese with its
    /// forms or not (nil).
    mutating func addSplit(_ runs: [(range: Range<Int>, forms: UInt8?)]) {
        codes.append(Self.split)
        for run in runs { self.runs.append((run.range, Self.code(run.forms))) }
    }

    /// The Chinese paragraphs and runs of `text` whose forms pass `keep`, in text order.
    func ranges(in text: UnsafeBufferPointer<UInt8>, where keep: (UInt8) -> Bool) -> [Range<Int>] {
        var reader = HanScriptParagraphs.Reader(text)
        var kept: [Range<Int>] = []
        var nextRun = 0
        for code in codes {
            guard let paragraph = reader.next() else { break }
            if code == Self.split {
                while nextRun < runs.count && runs[nextRun].range.upperBound <= paragraph.upperBound {
                    let run = runs[nextRun]
                    if run.code & Self.chinese != 0 && keep(run.code & 3) { kept.append(run.range) }
                    nextRun += 1
                }
            } else if code & Self.chinese != 0 && keep(code & 3) {
                kept.append(paragraph)
            }
        }
        return kept
    }

    private static func code(_ forms: UInt8?) -> UInt8 {
        forms.map { chinese | $0 } ?? 0
    }
}
