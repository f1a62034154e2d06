import ChaffData
import ChaffEngine
import ChaffText

/// Finds pinyin glosses written as HTML ruby: `<ruby>角<rt>jué</rt>色<rt>sè</rt></ruby>` and
/// `<ruby>角色<rt>jué sè</rt></ruby>`.
///
/// The masker has found the `ruby`, `rt` and `rp` tags (`MarkupMarks.rubyTags`); this reads the
/// text between them in a masked scope, where every other tag (`<rb>`, `<rtc>`, `<span>`) is
/// blank and so transparent. Each `<rt>` annotates the base text since the previous `</rt>` (or
/// `<ruby>`). It is a gloss when that base is only Han characters and the `<rt>` text is
/// lowercase pinyin (`PinyinGlossText`) that splits into exactly one syllable per base
/// character. `<rp>` elements (fallback parentheses) are skipped. A second `<rt>` with no base
/// between (`著<rt>zhù</rt><rt>zhe</rt>`) is a repeated gloss on the same characters.
package enum RubyGlossParser: GlossReader {
    /// All ruby glosses in the HTML `bytes`, masked here, in source order; ranges are offsets
    /// into `bytes`.
    package static func glosses(in bytes: UnsafeBufferPointer<UInt8>) -> [Gloss] {
        let document = HTMLMasker().mask(Array(bytes), scopes: [.prose])
        return document.bytes(for: .prose).withUnsafeBufferPointer { glosses(in: $0, tags: document.marks.rubyTags) }
    }

    /// The ruby glosses of a document whose masked text is `text` (at the source's offsets) and
    /// whose ruby tags are `tags`, in source order.
    package static func glosses(in text: UnsafeBufferPointer<UInt8>, tags: [RubyTag]) -> [Gloss] {
        var result: [Gloss] = []
        var t = 0
        while t < tags.count {
            if tags[t].name == .ruby && !tags[t].isEndTag {
                t = ruby(text, tags: tags, opening: t, into: &result)
            } else {
                t += 1
            }
        }
        return result
    }

    /// The gloss being read from one `<rt>`, before its context is known.
    private struct Pending {
        var base: [GlossCharacter]
        var syllables: [PinyinSyllable]
        var glossRange: Range<Int>
        var textRange: Range<Int>
        var repeated: [PinyinSyllable]?
    }

    /// The base characters read since the last annotation, and the last annotated base (for a
    /// repeated `<rt>`).
    private struct BaseRun {
        var segment: [GlossCharacter] = []
        var segmentIsHan = true
        var lastBase: [GlossCharacter] = []
        var lastSyllables: [PinyinSyllable] = []

        /// Reads the base text in `range` of `text`.
        mutating func read(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            var i = range.lowerBound
            while i < range.upperBound {
                guard let (scalar, length) = GlossUTF8.decode(text, at: i) else {
                    segmentIsHan = false
                    i += 1
                    continue
                }
                if GlossUTF8.isHan(scalar) {
                    segment.append(GlossCharacter(scalar: scalar, range: i..<(i + length)))
                } else if !(scalar == 0x20 || scalar == 0x0A || scalar == 0x09 || scalar == 0x0D) {
                    segmentIsHan = false
                }
                i += length
            }
        }

        /// The gloss that the `<rt>` text `textRange` gives the base read so far, if it is one;
        /// starts a new base either way.
        mutating func annotate(_ text: UnsafeBufferPointer<UInt8>, textRange: Range<Int>, glossRange: Range<Int>) -> Pending? {
            var base = segment
            var repeated: [PinyinSyllable]? = nil
            if segment.isEmpty && segmentIsHan && !lastBase.isEmpty {
                base = lastBase
                repeated = lastSyllables
            }
            var pending: Pending?
            let annotation = UnsafeBufferPointer(rebasing: text[textRange])
            if segmentIsHan, !base.isEmpty,
                let syllables = GlossSegmentationChoice.choose(PinyinGlossText.segmentations(annotation), run: base, exactCount: true)
            {
                pending = Pending(base: base, syllables: syllables, glossRange: glossRange, textRange: textRange, repeated: repeated)
                lastBase = base
                lastSyllables = syllables
            } else {
                lastBase = []
            }
            segment = []
            segmentIsHan = true
            return pending
        }
    }

    /// Reads the ruby element whose start tag is `tags[opening]`; returns the index of the first
    /// tag after it.
    private static func ruby(
        _ text: UnsafeBufferPointer<UInt8>, tags: [RubyTag], opening: Int, into result: inout [Gloss]
    ) -> Int {
        let start = tags[opening].range.lowerBound
        var pending: [Pending] = []
        var run = BaseRun()
        var rubyEnd = text.count
        var i = tags[opening].range.upperBound
        var t = opening + 1
        while true {
            run.read(text, i..<(t < tags.count ? tags[t].range.lowerBound : text.count))
            guard t < tags.count else { break }
            let tag = tags[t]
            t += 1
            i = tag.range.upperBound
            switch (tag.name, tag.isEndTag) {
            case (.ruby, true):
                rubyEnd = tag.range.upperBound
            case (.rp, false):
                // Fallback parentheses: skipped up to their end tag.
                if t < tags.count, tags[t].name == .rp, tags[t].isEndTag {
                    i = tags[t].range.upperBound
                    t += 1
                }
                continue
            case (.rt, false):
                let textEnd = t < tags.count ? tags[t].range.lowerBound : text.count
                var elementEnd = textEnd
                if t < tags.count, tags[t].name == .rt, tags[t].isEndTag {
                    elementEnd = tags[t].range.upperBound
                    t += 1
                }
                if let gloss = run.annotate(text, textRange: i..<textEnd, glossRange: tag.range.lowerBound..<elementEnd) {
                    pending.append(gloss)
                }
                i = elementEnd
                continue
            default:
                continue  // a stray end tag or a nested `<ruby>`: transparent
            }
            break
        }
        result += glosses(pending, in: text, rubyStart: start, rubyEnd: rubyEnd)
        return t
    }

    /// The glosses of one ruby element, with their context: every base character of the ruby,
    /// plus plain Han text touching it outside.
    private static func glosses(_ pending: [Pending], in text: UnsafeBufferPointer<UInt8>, rubyStart start: Int, rubyEnd: Int)
        -> [Gloss]
    {
        var result: [Gloss] = []
        let allBase = pending.reduce(into: [GlossCharacter]()) { all, gloss in
            if gloss.repeated == nil { all += gloss.base }
        }
        for gloss in pending {
            var context = allBase
            var position = allBase.firstIndex(of: gloss.base[0]) ?? 0
            let before = GlossParser.hanRun(text, endingAt: start).suffix(GlossParser.contextRadius)
            var after: [GlossCharacter] = []
            var j = rubyEnd
            while after.count < GlossParser.contextRadius, j < text.count,
                let (scalar, length) = GlossUTF8.decode(text, at: j), GlossUTF8.isHan(scalar)
            {
                after.append(GlossCharacter(scalar: scalar, range: j..<(j + length)))
                j += length
            }
            context = Array(before) + context + after
            position += before.count
            result.append(
                Gloss(
                    form: .ruby, base: gloss.base, syllables: gloss.syllables,
                    glossRange: gloss.glossRange, textRange: gloss.textRange,
                    hasTones: gloss.syllables.contains { $0.tone != 0 },
                    repeatedSyllables: gloss.repeated, context: context, basePosition: position))
        }
        return result
    }
}
