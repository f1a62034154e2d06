import Testing

@testable import ChaffRunner

/// A large file is read in parts by several threads (`FileReader.read(_:workers:)`); the bytes
/// must be the file's, in order, whatever the number of parts and however the size divides.
@Suite struct FileReaderPartsTests {
    @Test func partsReadTheWholeFileInOrder() throws {
        let scratch = Scratch()
        // Bytes that differ from one offset to the next, so a part put in the wrong place or
        // read twice shows.
        let bytes = (0..<40_007).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        _ = scratch.write("large.bin", bytes: bytes)
        for workers in [2, 3, 7] {
            let read = try FileReader.read(scratch.path("large.bin"), workers: workers, parallelFrom: 1_000)
            #expect(read == bytes, "\(workers) parts")
        }
        // Below the size, or with one worker, the file is read in one piece.
        #expect(try FileReader.read(scratch.path("large.bin"), workers: 2, parallelFrom: 50_000) == bytes)
        #expect(try FileReader.read(scratch.path("large.bin"), workers: 1, parallelFrom: 1_000) == bytes)
    }

    @Test func anEmptyFileAndAMissingOne() throws {
        let scratch = Scratch()
        _ = scratch.write("empty.txt", bytes: [])
        #expect(try FileReader.read(scratch.path("empty.txt"), workers: 4, parallelFrom: 0) == [])
        #expect(throws: FileReader.Failure(reason: "No such file or directory")) {
            try FileReader.read(scratch.path("missing.txt"), workers: 2, parallelFrom: 0)
        }
    }
}
