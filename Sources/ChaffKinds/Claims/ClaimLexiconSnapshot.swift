import ChaffText

/// A lexicon written into a snapshot and read back (`SnapshotWriter`), for the built-in lexicon
/// compiled into the binary (`BuiltinClaimLexicon`). Only a lexicon with the built-in cue
/// tables is written: added cue words are compiled on load.
extension ClaimLexicon {
    /// The layout's number, first in every snapshot: a change to what is written changes it,
    /// and a snapshot of another number is not read.
    static let snapshotFormat = 1

    /// Writes the lexicon; nil when it has cue tables of its own.
    func snapshot() -> [UInt64]? {
        guard customCues == nil else { return nil }
        var writer = SnapshotWriter()
        writer.write(Self.snapshotFormat)
        writer.write(groups.count)
        for group in groups {
            writer.write(group.category)
            writer.write(group.missing)
            writer.write(group.always)
            writer.write(group.unlessNamed)
            writer.write(group.frames)
            writer.write(group.exceptions)
            writer.write(group.bare.rawValue)
            writer.write(ClaimSignature.allCases.map { group.signatures.contains($0) ? 1 : 0 } as [UInt8])
        }
        writer.write(phrases.count)
        for phrase in phrases {
            writer.write(phrase.text)
            writer.write(phrase.mode.rawValue)
            writer.write(phrase.group)
            writer.write(phrase.isFrame)
        }
        writer.write(plainCount)
        writer.write(exceptionEnd)
        writer.write(openerEnd)
        automaton.write(to: &writer)
        writer.write(automatonSkipsInsideWords)
        writer.write(frames.flatMap { [$0.opener, $0.closer, $0.phrase] })
        writer.write(frameIndex)
        writer.write(closerCount)
        return writer.words
    }

    /// The lexicon `snapshot()` wrote, or nil when `words` hold another format.
    init?(snapshot words: UnsafeBufferPointer<UInt64>) {
        guard SnapshotReader.isSupported, !words.isEmpty else { return nil }
        var reader = SnapshotReader(words)
        guard reader.int() == Self.snapshotFormat else { return nil }
        var groups: [Group] = []
        for _ in 0..<reader.int() {
            let (category, missing) = (reader.string(), reader.string())
            let (always, unlessNamed, frames, exceptions) = (reader.strings(), reader.strings(), reader.strings(), reader.strings())
            guard let bare = ClaimTier(rawValue: reader.string()) else { return nil }
            var signatures = ClaimSignatures()
            for (signature, bit) in zip(ClaimSignature.allCases, reader.integers(UInt8.self)) where bit != 0 {
                signatures.insert(signature)
            }
            groups.append(
                Group(
                    category: category, missing: missing, always: always, unlessNamed: unlessNamed, frames: frames,
                    exceptions: exceptions, bare: bare, signatures: signatures))
        }
        var phrases: [Phrase] = []
        for _ in 0..<reader.int() {
            let text = reader.string()
            guard let mode = ClaimPhraseMode(rawValue: reader.string()) else { return nil }
            phrases.append(Phrase(text: text, mode: mode, group: reader.int(), isFrame: reader.bool()))
        }
        self.groups = groups
        self.phrases = phrases
        plainCount = reader.int()
        exceptionEnd = reader.int()
        openerEnd = reader.int()
        automaton = AhoCorasick(reading: &reader)
        automatonSkipsInsideWords = reader.bool()
        let frameParts = reader.integers(Int.self)
        frames = stride(from: 0, to: frameParts.count, by: 3).map {
            Frame(opener: frameParts[$0], closer: frameParts[$0 + 1], phrase: frameParts[$0 + 2])
        }
        frameIndex = reader.integers(Int32.self)
        closerCount = reader.int()
        customCues = nil
        guard reader.isAtEnd else { return nil }
    }
}
