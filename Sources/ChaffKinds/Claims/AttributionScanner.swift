import ChaffText

/// Finds named attributions in a sentence: a marker that introduces a source, followed by a
/// source that names someone.
///
/// Markers are 据 (not inside a word such as 数据, 证据), 根据, 依据, 援引, 发表在, 数据来自… and
/// English `according to`, `reported by`, `a study by`, `published in`, `told`…; the source
/// runs from the marker to the end of its clause (Chinese) or to a reporting verb or clause word
/// (English), and is judged by `judgeChinese` (permissively: 据华为统计) or `judgeEnglish`.
///
/// A vague phrase inside the source that ends after the name keeps it vague: in 据华为公司内部人士
/// 透露 the company is named but the person is not. A name after the vague phrase makes it
/// specific: `according to experts at Harvard`, 据不完全统计（国家统计局）.
extension SourceCues {
    /// The first named attribution in `range`, given the ranges of vague phrases matched there.
    func namedAttribution(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, vaguePhrases: [Range<Int>]) -> Range<Int>? {
        for marker in attributionMarkers(in: text, range) {
            let sourceEnd =
                marker.english
                ? ClauseBounds.englishSourceEnd(after: marker.range.upperBound, ceiling: range.upperBound, in: text)
                : ClauseBounds.chineseSourceEnd(after: marker.range.upperBound, ceiling: range.upperBound, in: text)
            let source = marker.range.upperBound..<sourceEnd
            let (verdict, namedEnd) =
                marker.english ? judgeEnglish(text, source) : judgeChinese(text, source, bareSubjects: .beforeVagueWords)
            guard verdict == .named, let namedEnd else { continue }
            let hidden = vaguePhrases.contains {
                $0.lowerBound >= marker.range.lowerBound && $0.lowerBound < sourceEnd && $0.upperBound > namedEnd
            }
            if !hidden { return marker.range.lowerBound..<sourceEnd }
        }
        return nil
    }

    private func attributionMarkers(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [(range: Range<Int>, english: Bool)] {
        let slice = UnsafeBufferPointer(rebasing: text[range])
        var out: [(range: Range<Int>, english: Bool)] = []
        for match in chineseMarkers.nonOverlappingMatches(in: slice) {
            out.append(((range.lowerBound + match.range.lowerBound)..<(range.lowerBound + match.range.upperBound), false))
        }
        // 据 (E6 8D AE) and 據 (E6 93 9A) on their own.
        var i = 0
        while i + 3 <= slice.count {
            if slice[i] == 0xE6, (slice[i + 1] == 0x8D && slice[i + 2] == 0xAE) || (slice[i + 1] == 0x93 && slice[i + 2] == 0x9A) {
                let absolute = range.lowerBound + i
                let before = TextScalar.scalar(before: absolute, in: text) ?? 0
                let inWord = Self.chineseJuWordStarts.contains(before)
                let covered = out.contains { $0.range.contains(absolute) }
                if !inWord && !covered { out.append((absolute..<(absolute + 3), false)) }
                i += 3
            } else {
                i += 1
            }
        }
        for match in englishMarkers.allRanges(in: slice) where WordBoundary.isWholeWord(match, in: slice) {
            out.append(((range.lowerBound + match.lowerBound)..<(range.lowerBound + match.upperBound), true))
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The first reporting verb in `range` whose subject names a source (国家统计局公布, Gallup
    /// found), skipping verbs inside `excluded` ranges (the vague phrases themselves).
    func namedReporter(
        in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, excluded: [Range<Int>],
        bareSubjects: BareSubjects = .adjacent
    ) -> Range<Int>? {
        let slice = UnsafeBufferPointer(rebasing: text[range])
        var verbs: [(Range<Int>, Bool)] = chineseReportingVerbs.nonOverlappingMatches(in: slice).map {
            ((range.lowerBound + $0.range.lowerBound)..<(range.lowerBound + $0.range.upperBound), false)
        }
        for word in Self.words(text, range) where (3...9).contains(word.count) && TextScalar.isASCIILetter(text[word.lowerBound]) {
            let lower = word.map { TextScalar.isASCIIUpper(text[$0]) ? text[$0] | 0x20 : text[$0] }
            if englishReportingVerbs.contains(lower) { verbs.append((word, true)) }
        }
        for (verb, english) in verbs where !excluded.contains(where: { $0.overlaps(verb) }) {
            let start =
                english
                ? ClauseBounds.englishSubjectStart(before: verb.lowerBound, floor: range.lowerBound, in: text)
                : ClauseBounds.chineseSubjectStart(before: verb.lowerBound, floor: range.lowerBound, in: text)
            let subject = start..<verb.lowerBound
            let verdict = english ? judgeEnglish(text, subject).0 : judgeChinese(text, subject, bareSubjects: bareSubjects).0
            if verdict == .named { return subject.lowerBound..<verb.upperBound }
        }
        return nil
    }
}

extension AhoCorasick {
    /// Every occurrence, overlapping ones included, as ranges in text order.
    func allRanges(in text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        matches(in: text) { _, range in out.append(range) }
        return out.sorted { $0.lowerBound < $1.lowerBound }
    }
}
