import ChaffEngine
import ChaffText
import Dispatch
import Foundation

/// Matches a lexicon's phrases and frames in a whole text in one pass.
///
/// Leftmost-longest among phrases that stand as whole words (for ASCII edges), after dropping
/// every phrase an exception overlaps and every 据 phrase inside a word (数据, 证据); then frames
/// that overlap no phrase. Positions are mapped back from the folded copy.
enum ClaimMatcher {
    /// A phrase or frame occurrence.
    struct Match: Equatable {
        /// Index into `ClaimLexicon.phrases`.
        var phrase: Int
        /// Byte range in the original text.
        var range: Range<Int>
        /// For a frame: the words after its opening word, to the end of the clause.
        var frameSource: Range<Int>?
    }

    static func matches(
        of lexicon: ClaimLexicon, in text: UnsafeBufferPointer<UInt8>, pieceSize: Int = FoldedText.pieceSize, workers: Int = 1
    ) -> [Match] {
        // A long text is matched piece by piece, so that its folded copy is never whole; the
        // cuts are where no match can reach across (`FoldedText.pieces`), so the result is the
        // same as in one pass, also when the pieces are matched on several threads.
        let cuts = text.count > pieceSize ? FoldedText.cuts(for: lexicon) : []
        let pieces = cuts.isEmpty ? [0..<text.count] : FoldedText.pieces(of: text, size: pieceSize, at: cuts)
        if pieces.count == 1 { return wholeMatches(of: lexicon, in: text) }
        let work = PieceMatching(lexicon: lexicon, text: text, pieces: pieces)
        let threads = min(workers, pieces.count)
        if threads <= 1 {
            for k in pieces.indices { work.match(k) }
            return work.joined()
        }
        let next = AtomicCounter()
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while true {
                let k = next.increment()
                guard k < work.pieces.count else { return }
                work.match(k)
            }
        }
        return work.joined()
    }

    /// The pieces of one text and their matches: each piece is matched by one thread, which
    /// alone writes its slot (under a lock); the slots are read after every thread has finished.
    private final class PieceMatching: @unchecked Sendable {
        let lexicon: ClaimLexicon
        let text: UnsafeBufferPointer<UInt8>
        let pieces: [Range<Int>]
        private var slots: [[Match]]
        private let lock = NSLock()

        init(lexicon: ClaimLexicon, text: UnsafeBufferPointer<UInt8>, pieces: [Range<Int>]) {
            self.lexicon = lexicon
            self.text = text
            self.pieces = pieces
            slots = Array(repeating: [], count: pieces.count)
        }

        /// Matches piece `k`, in offsets of the whole text.
        func match(_ k: Int) {
            let base = pieces[k].lowerBound
            let found = ClaimMatcher.wholeMatches(of: lexicon, in: UnsafeBufferPointer(rebasing: text[pieces[k]])).map { match in
                var match = match
                match.range = (match.range.lowerBound + base)..<(match.range.upperBound + base)
                match.frameSource = match.frameSource.map { ($0.lowerBound + base)..<($0.upperBound + base) }
                return match
            }
            lock.withLock { slots[k] = found }
        }

        /// Every piece's matches, in order.
        func joined() -> [Match] { lock.withLock { slots.flatMap { $0 } } }
    }

    /// The matches of `text` in one pass, with one folded copy of the whole text.
    static func wholeMatches(of lexicon: ClaimLexicon, in text: UnsafeBufferPointer<UInt8>) -> [Match] {
        let folded = FoldedText(text)
        if folded.isIdentity { return matches(of: lexicon, folded: text, map: folded) }
        return folded.bytes.withUnsafeBufferPointer { matches(of: lexicon, folded: $0, map: folded) }
    }

    private static func matches(of lexicon: ClaimLexicon, folded: UnsafeBufferPointer<UInt8>, map: FoldedText) -> [Match] {
        var phrases: [Match] = []
        var exceptions: [Range<Int>] = []
        var openers: [(Int, Range<Int>)] = []
        var closers: [(Int, Range<Int>)] = []
        let plain = lexicon.plainCount, exceptionEnd = lexicon.exceptionEnd, openerEnd = lexicon.openerEnd
        func found(_ index: Int, _ range: Range<Int>) {
            if index < plain {
                if WordBoundary.isWholeWord(range, in: folded), !startsInsideWord(range, in: folded) {
                    phrases.append(Match(phrase: index, range: range))
                }
            } else if index < exceptionEnd {
                exceptions.append(range)
            } else if index < openerEnd {
                if WordBoundary.isWholeWord(range, in: folded), !startsInsideWord(range, in: folded) {
                    openers.append((index - exceptionEnd, range))
                }
            } else if WordBoundary.isWholeWord(range, in: folded) {
                closers.append((index - openerEnd, range))
            }
        }
        if lexicon.automatonSkipsInsideWords && AhoCorasick.isMostlyASCII(folded) {
            lexicon.automaton.matchesSkippingInsideWords(in: folded, found)
        } else {
            lexicon.automaton.matches(in: folded, found)
        }
        if !exceptions.isEmpty {
            phrases.removeAll { match in exceptions.contains { $0.overlaps(match.range) } }
        }
        phrases.sort {
            $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.count > $1.range.count
        }
        var chosen: [Match] = []
        var end = 0
        for match in phrases where match.range.lowerBound >= end {
            chosen.append(match)
            end = match.range.upperBound
        }
        if !openers.isEmpty { chosen += frames(of: lexicon, in: folded, openers: openers, closers: closers, avoiding: chosen) }
        chosen.sort { $0.range.lowerBound < $1.range.lowerBound }
        return chosen.map { Match(phrase: $0.phrase, range: map.original($0.range), frameSource: $0.frameSource.map(map.original)) }
    }

    /// A phrase that starts with 据 or 據 right after a character that makes it part of a word.
    private static func startsInsideWord(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard range.count >= 3, text[range.lowerBound] == 0xE6,
            (text[range.lowerBound + 1] == 0x8D && text[range.lowerBound + 2] == 0xAE)
                || (text[range.lowerBound + 1] == 0x93 && text[range.lowerBound + 2] == 0x9A),
            let before = TextScalar.scalar(before: range.lowerBound, in: text)
        else { return false }
        return SourceCues.chineseJuWordStarts.contains(before)
    }

    /// Frames from the opening and closing words found, each with its index among the openers
    /// or closers.
    private static func frames(
        of lexicon: ClaimLexicon, in text: UnsafeBufferPointer<UInt8>, openers: [(Int, Range<Int>)],
        closers unsorted: [(Int, Range<Int>)], avoiding phrases: [Match]
    ) -> [Match] {
        let closers = unsorted.sorted { $0.1.lowerBound < $1.1.lowerBound }
        // `phrases` and `out` are sorted and do not overlap, and `closers` is sorted: each
        // opener costs a binary search instead of scans of every phrase and closer, which made
        // long documents quadratic.
        var out: [Match] = []
        for (opener, range) in openers.sorted(by: { $0.1.lowerBound < $1.1.lowerBound }) {
            if overlapsAny(phrases, range) || (out.last.map { $0.range.overlaps(range) } ?? false) { continue }
            let english = TextScalar.isASCIILetter(text[range.lowerBound])
            let clauseEnd =
                english
                ? ClauseBounds.englishSourceEnd(after: range.upperBound, ceiling: text.count, in: text)
                : ClauseBounds.chineseSourceEnd(after: range.upperBound, ceiling: text.count, in: text)
            // The first listed closing word inside the clause, after at least one character.
            var found: (frame: Int, closer: Range<Int>)?
            var c = firstIndex(in: closers, startingAfter: range.upperBound)
            while c < closers.count, closers[c].1.lowerBound < clauseEnd {
                let (closer, closerRange) = closers[c]
                if closerRange.upperBound <= clauseEnd {
                    let frame = lexicon.frameIndex[opener * lexicon.closerCount + closer]
                    if frame >= 0 {
                        found = (Int(frame), closerRange)
                        break
                    }
                }
                c += 1
            }
            guard let (frameNumber, closerRange) = found else { continue }
            let frame = lexicon.frames[frameNumber]
            let whole = range.lowerBound..<closerRange.upperBound
            if overlapsAny(phrases, whole) { continue }
            out.append(Match(phrase: frame.phrase, range: whole, frameSource: range.upperBound..<clauseEnd))
        }
        return out
    }

    /// Whether `range` overlaps one of `matches`, which are sorted and do not overlap.
    private static func overlapsAny(_ matches: [Match], _ range: Range<Int>) -> Bool {
        // The first match ending after the range starts is the only candidate.
        var low = 0, high = matches.count
        while low < high {
            let mid = (low + high) / 2
            if matches[mid].range.upperBound <= range.lowerBound { low = mid + 1 } else { high = mid }
        }
        return low < matches.count && matches[low].range.overlaps(range)
    }

    /// The index of the first of `sorted` (by start) that starts after `position`.
    private static func firstIndex(in sorted: [(Int, Range<Int>)], startingAfter position: Int) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid].1.lowerBound <= position { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
