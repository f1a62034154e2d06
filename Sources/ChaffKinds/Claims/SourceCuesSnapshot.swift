import ChaffText

/// Cue tables written into a snapshot and read back (`SnapshotWriter`), for the built-in tables
/// compiled into the binary (`BuiltinSourceCues`).
extension SourceCues {
    /// The layout's number, first in every snapshot (see `ClaimLexicon.snapshotFormat`).
    static let snapshotFormat = 1

    /// Writes the tables; the sets' words in byte order, so that the same tables always write
    /// the same words.
    func snapshot() -> [UInt64] {
        var writer = SnapshotWriter()
        writer.write(Self.snapshotFormat)
        for automaton in [chinese, chineseMarkers, chineseReportingVerbs, chineseSourceLabels, vagueSourceValues, englishMarkers] {
            automaton.write(to: &writer)
        }
        writer.write(chineseKinds.map(\.rawValue))
        for set in [englishNotNames, englishGenericAcronyms, englishAnaphoric, englishFirstPerson, englishReportingVerbs] {
            let words = set.sorted { $0.lexicographicallyPrecedes($1) }
            writer.write(words.count)
            for word in words { writer.write(word) }
        }
        return writer.words
    }

    /// The tables `snapshot()` wrote, or nil when `words` hold another format.
    static func fromSnapshot(_ words: UnsafeBufferPointer<UInt64>) -> SourceCues? {
        guard SnapshotReader.isSupported, !words.isEmpty else { return nil }
        var reader = SnapshotReader(words)
        guard reader.int() == snapshotFormat else { return nil }
        let automata = (0..<6).map { _ in AhoCorasick(reading: &reader) }
        var kinds: [ChineseKind] = []
        for raw in reader.integers(UInt8.self) {
            guard let kind = ChineseKind(rawValue: raw) else { return nil }
            kinds.append(kind)
        }
        var sets: [Set<[UInt8]>] = []
        for _ in 0..<5 {
            let count = reader.int()
            guard count >= 0 else { return nil }
            var set = Set<[UInt8]>(minimumCapacity: count)
            for _ in 0..<count { set.insert(reader.integers(UInt8.self)) }
            sets.append(set)
        }
        guard reader.isAtEnd else { return nil }
        return SourceCues(
            chinese: automata[0], chineseKinds: kinds, chineseMarkers: automata[1], chineseReportingVerbs: automata[2],
            chineseSourceLabels: automata[3], vagueSourceValues: automata[4], englishNotNames: sets[0],
            englishGenericAcronyms: sets[1], englishAnaphoric: sets[2], englishFirstPerson: sets[3], englishMarkers: automata[5],
            englishReportingVerbs: sets[4])
    }
}
