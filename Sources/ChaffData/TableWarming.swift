/// Reads generated tables through in order, so that the lookups after it find them mapped and
/// cached (`PinyinWords.prepareForLookups`, `PinyinReadings.prepareForLookups`).
///
/// A table compiled into the binary is mapped from the file on first touch, 64 KB at a time,
/// and a lookup that lands in a part not read yet waits for the page and for memory; read
/// through in order, the same parts cost the memory's streaming rate.
enum TableWarming {
    /// Glosses from which a document reads the tables through first: the sample page's 499
    /// judged glosses (about 1,000 cold word lookups) gained about a third of a millisecond,
    /// and a read of the word table costs about as much as 500 lookups.
    static let glossesToWarm = 400

    /// A byte of each 64-byte cache line of `buffer`, summed: a value the optimiser cannot drop.
    static func readThrough(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        var sum: UInt64 = 0
        var k = 0
        while k < buffer.count {
            sum &+= UInt64(buffer[k])
            k += 64
        }
        return sum
    }
}
