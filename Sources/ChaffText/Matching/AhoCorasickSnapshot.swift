/// An automaton written into a snapshot and read back (`SnapshotWriter`): a lexicon whose
/// automaton every run would otherwise compile from thousands of phrases can be generated into
/// the binary instead.
extension AhoCorasick {
    /// Writes every table of the automaton.
    public func write(to writer: inout SnapshotWriter) {
        writer.write(fold)
        writer.write(rootNext)
        writer.write(edgeStart)
        writer.write(edgeBytes)
        writer.write(edgeTargets)
        writer.write(failure)
        writer.write(outputStart)
        writer.write(outputs)
        writer.write(lengths)
        writer.write(startPairs)
        writer.write(startTriples)
        writer.write(sixTest)
        writer.write(foldsCase)
        writer.write(continuationStarts)
        writer.write(denseStart)
        writer.write(denseTargets)
    }

    /// The automaton `write(to:)` wrote.
    public init(reading reader: inout SnapshotReader) {
        fold = reader.integers(UInt8.self)
        rootNext = reader.integers(Int32.self)
        edgeStart = reader.integers(Int32.self)
        edgeBytes = reader.integers(UInt8.self)
        edgeTargets = reader.integers(Int32.self)
        failure = reader.integers(Int32.self)
        outputStart = reader.integers(Int32.self)
        outputs = reader.integers(Int32.self)
        lengths = reader.integers(Int.self)
        startPairs = reader.integers(UInt64.self)
        startTriples = reader.integers(UInt64.self)
        sixTest = reader.integers(UInt64.self)
        foldsCase = reader.bool()
        continuationStarts = reader.bool()
        denseStart = reader.integers(Int32.self)
        denseTargets = reader.integers(Int32.self)
    }
}
