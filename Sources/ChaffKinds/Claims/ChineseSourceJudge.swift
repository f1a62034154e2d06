import ChaffText

/// Judges whether a stretch of Chinese (or mixed) text names a source.
///
/// The stretch is cut into cue words (leftmost-longest over `SourceCueTables`), runs of other
/// Han characters ("residue"), Latin words and book-title marks. It names a source when:
/// - it holds a Latin word with a capital that is not a common abbreviation (OpenAI, IDC), a
///   《book title》, or a first-person source word (我们, 本文, 笔者);
/// - it holds a specific body (国家统计局, 世卫组织) not directly after a vague word (当地统计局 is
///   vague; 美国疾控中心 and 该市统计局 are not);
/// - an organisation head (大学, 研究所, 社, 部) directly follows at least two residue characters
///   (哈佛大学, 新华社; but 某大学, 内部, 全部 do not), or a country or region by name that no vague
///   word precedes (香港大学, 英国政府; but 一所美国大学 does not), or a country and a short
///   abbreviation (中国排协), or a name and one qualifier (利比亚官方通讯社);
/// - a title is directly followed by a name of two to four characters (秘书长高沈阳), or of up to
///   eight that ends the stretch (主席雅苗尔科斯基), or follows a name of two to four (钟南山院士);
/// - it starts with a single residue run of 2–6 characters (a short bare subject such as a brand
///   or a person: 华为, 钟南山等) and `bareSubjects` allows what follows: `.beforeVagueWords` lets
///   particles and vague words follow (华为最新 | 数据显示, 据 | 华为统计), `.adjacent` only 等
///   and the like (华为 | 表示, but not 约三成的用户 | 表示), `.none` nothing. A long clause
///   (长期坚持锻炼的人群) never counts as a name.
/// - it ends with a country and a compound of eight or more characters: a survey's or study's
///   title (中国城市独生子女人格发展 | 调查显示).
/// Otherwise it points back when it holds 该, 这项, 上述…, and is vague.
extension SourceCues {
    /// How far a bare subject without an organisation head may count as a name. `.none` also
    /// leaves out the author as source (本报, 我们), for judging whether a third party is named.
    enum BareSubjects {
        case none, adjacent, beforeVagueWords
    }

    private enum Segment {
        case cue(ChineseKind, Range<Int>)
        case residue(count: Int, Range<Int>)
        case latin(named: Bool, Range<Int>)
        case bookTitle(Range<Int>)
        case other
    }

    /// The verdict for `range` of `text`, and where the naming words end (for `.named`).
    func judgeChinese(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, bareSubjects: BareSubjects) -> (
        SourceVerdict, namedEnd: Int?
    ) {
        if range.isEmpty { return (.vague, nil) }
        let segments = segment(text, range)
        for (i, segment) in segments.enumerated() {
            switch segment {
            case .latin(named: true, let r), .bookTitle(let r):
                return (.named, r.upperBound)
            case .cue(.firstPerson, let r):
                // Strict judging (`.none`) wants a third party: 本报讯记者…报道 is a byline.
                if bareSubjects == .none { continue }
                return (.named, r.upperBound)
            case .cue(.specific, let r):
                var j = i - 1
                while j >= 0, case .cue(.function, _) = segments[j] { j -= 1 }
                // 当地统计局 is vague; 该市统计局 points at a city already named, so it is a name.
                // A vague word inside a name (上海 | 市中心 | 气象台: a place or a name right
                // before it) qualifies nothing.
                if j >= 0, case .cue(.vague, _) = segments[j], !Self.isInsideName(segments, before: j) { continue }
                return (.named, r.upperBound)
            case .cue(.title, let r):
                if let end = Self.namedEnd(ofTitle: r, at: i, segments) { return (.named, end) }
            case .cue(.suffix, let r):
                if let end = Self.namedEnd(ofSuffix: r, at: i, segments, text) { return (.named, end) }
            default:
                continue
            }
        }
        // 中国城市独生子女人格发展 | 调查显示: a country and a long compound that ends the stretch
        // is the title of a survey or study.
        if segments.count >= 2, case .residue(let count, let title) = segments[segments.count - 1], count >= 8,
            case .cue(.place, _) = segments[segments.count - 2]
        {
            return (.named, title.upperBound)
        }
        if bareSubjects != .none, let end = bareSubjectEnd(segments, allowVague: bareSubjects == .beforeVagueWords) { return (.named, end) }
        for segment in segments {
            if case .cue(.anaphoric, _) = segment { return (.anaphoric, nil) }
        }
        return (.vague, nil)
    }

    /// Where the name ends when the title `r` at `segments[i]` sits beside one; nil otherwise.
    @inline(__always) private static func namedEnd(ofTitle r: Range<Int>, at i: Int, _ segments: [Segment]) -> Int? {
        // 钟南山院士: a name, then the title.
        if i > 0, case .residue(let count, _) = segments[i - 1], (2...4).contains(count) { return r.upperBound }
        // 秘书长高沈阳: a title, then a name of its own (and no more words than a name).
        if i + 1 < segments.count, case .residue(let count, let name) = segments[i + 1], (2...8).contains(count) {
            // A transliterated name runs longer (主席雅苗尔科斯基) but ends the stretch.
            if i + 2 == segments.count { return name.upperBound }
            guard count <= 4 else { return nil }
            switch segments[i + 2] {
            case .cue(.vague, _), .cue(.function, _), .other: return name.upperBound
            default: return nil
            }
        }
        return nil
    }

    /// Where the name ends when the head word `r` at `segments[i]` (协会, 统计局) closes the name
    /// of an organisation; nil otherwise.
    @inline(__always) private static func namedEnd(
        ofSuffix r: Range<Int>, at i: Int, _ segments: [Segment], _ text: UnsafeBufferPointer<UInt8>
    ) -> Int? {
        if i > 0, case .residue(let count, _) = segments[i - 1], count >= 2 { return r.upperBound }
        // 中国排协: a country, a short abbreviation, then the head.
        if i > 1, case .residue(let count, _) = segments[i - 1], count <= 3, case .cue(.place, _) = segments[i - 2] {
            return r.upperBound
        }
        // 利比亚官方通讯社: a name, one qualifier, then the head.
        if i > 1, case .cue(.vague, _) = segments[i - 1], case .residue(let count, _) = segments[i - 2], count >= 2 {
            if i > 2, case .cue(let kind, let r) = segments[i - 3], kind == .vague || kind == .anaphoric,
                !Self.isPreposition(r, in: text)
            {
                return nil
            }
            return r.upperBound
        }
        // 中国消费者协会: a place, one generic word, then the head.
        if i > 1, case .cue(.vague, _) = segments[i - 1], case .cue(.place, _) = segments[i - 2] {
            if i > 2, case .cue(let kind, let r) = segments[i - 3], kind == .vague || kind == .anaphoric,
                !Self.isPreposition(r, in: text)
            {
                return nil
            }
            return r.upperBound
        }
        if i > 0, case .cue(.place, _) = segments[i - 1] {
            if i > 1, case .cue(let kind, let r) = segments[i - 2], kind == .vague || kind == .anaphoric,
                !Self.isPreposition(r, in: text)
            {
                return nil
            }
            return r.upperBound
        }
        return nil
    }

    /// Whether `range` names its speaker: it names a source (`judgeChinese`), or it opens with a
    /// short name followed by a word that is no name (彭珮云 | 在…后说, 石蓓莘 | 说). A pronoun (他说)
    /// or a vague subject (专家在会上说) does not.
    func namesSpeaker(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        if judgeChinese(text, range, bareSubjects: .beforeVagueWords).0 == .named { return true }
        let segments = segment(text, range)
        guard segments.count >= 2, case .residue(let count, _) = segments[0], (2...4).contains(count) else { return false }
        switch segments[1] {
        case .cue(.vague, _), .cue(.function, _): return true
        default: return false
        }
    }

    /// Prepositions among the vague words: before a name (记者从 | 国家旅游局获悉) they qualify
    /// nothing, unlike 一家 or 某 (一家 | 美国咨询公司).
    private static let prepositions: [[UInt8]] = ["从", "從", "在", "对", "對", "向", "据", "據", "被", "把"].map { Array($0.utf8) }

    private static func isPreposition(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        prepositions.contains { text[range].elementsEqual($0) }
    }

    /// Whether the segment before `index` is a place or a name of two or more characters that the
    /// words from `index` on continue (上海 | 市中心气象台).
    private static func isInsideName(_ segments: [Segment], before index: Int) -> Bool {
        guard index > 0 else { return false }
        switch segments[index - 1] {
        case .cue(.place, _): return true
        case .residue(let count, _): return count >= 2
        default: return false
        }
    }

    /// The end of a short bare subject (华为, 钟南山等) opening the segments, if that is all there is.
    private func bareSubjectEnd(_ segments: [Segment], allowVague: Bool) -> Int? {
        var index = 0
        while index < segments.count, case .other = segments[index] { index += 1 }
        guard index < segments.count, case .residue(let count, let r) = segments[index], (2...6).contains(count) else { return nil }
        for segment in segments[(index + 1)...] {
            switch segment {
            case .cue(.function, _), .other: continue
            case .cue(.vague, _) where allowVague: continue
            default: return nil
            }
        }
        return r.upperBound
    }

    private func segment(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Segment] {
        let slice = UnsafeBufferPointer(rebasing: text[range])
        let cues = chinese.nonOverlappingMatches(in: slice)
        var segments: [Segment] = []
        var cueIndex = 0
        var i = 0
        var residueStart = -1
        var residueCount = 0
        func closeResidue(at end: Int) {
            if residueCount > 0 {
                segments.append(.residue(count: residueCount, (range.lowerBound + residueStart)..<(range.lowerBound + end)))
            }
            residueCount = 0
            residueStart = -1
        }
        while i < slice.count {
            if cueIndex < cues.count, cues[cueIndex].range.lowerBound == i {
                closeResidue(at: i)
                let r = cues[cueIndex].range
                segments.append(
                    .cue(chineseKinds[cues[cueIndex].patternIndex], (range.lowerBound + r.lowerBound)..<(range.lowerBound + r.upperBound)))
                i = r.upperBound
                cueIndex += 1
                continue
            }
            while cueIndex < cues.count && cues[cueIndex].range.lowerBound < i { cueIndex += 1 }
            let b = slice[i]
            if TextScalar.isASCIILetter(b) {
                closeResidue(at: i)
                var j = i
                while j < slice.count
                    && (TextScalar.isASCIIAlphanumeric(slice[j]) || slice[j] == UInt8(ascii: "-") || slice[j] == UInt8(ascii: "&"))
                { j += 1 }
                segments.append(.latin(named: isLatinName(slice, i..<j), (range.lowerBound + i)..<(range.lowerBound + j)))
                i = j
                continue
            }
            let (scalar, length) = UTF8Decoding.decode(slice, at: i)
            if let scalar, TextScalar.isHan(scalar) {
                if residueStart < 0 { residueStart = i }
                residueCount += 1
            } else {
                closeResidue(at: i)
                if scalar == 0x300A {  // 《
                    segments.append(.bookTitle((range.lowerBound + i)..<(range.lowerBound + i + length)))
                } else {
                    segments.append(.other)
                }
            }
            i += length
        }
        closeResidue(at: slice.count)
        return segments
    }

    /// A Latin word inside Chinese text names a source when it has a capital and is not a common
    /// abbreviation or an English word that names no one (AI, GDP, App, The).
    func isLatinName(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.contains(where: { TextScalar.isASCIIUpper(text[$0]) }), range.count >= 2 else { return false }
        let lower = range.map { TextScalar.isASCIIUpper(text[$0]) ? text[$0] | 0x20 : text[$0] }
        return !englishGenericAcronyms.contains(lower) && !englishNotNames.contains(lower)
    }
}
