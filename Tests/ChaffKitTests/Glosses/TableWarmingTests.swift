import Testing

@testable import ChaffData

/// `TableWarming.readThrough` reads one byte of each 64-byte line, from the first.
@Suite struct TableWarmingTests {
    @Test func readsTheFirstByteOfEachLine() {
        let bytes = (0..<200).map { UInt8($0) }
        // Bytes 0, 64, 128 and 192.
        #expect(bytes.withUnsafeBytes(TableWarming.readThrough) == 384)
        #expect([UInt8]().withUnsafeBytes(TableWarming.readThrough) == 0)
        #expect([UInt8](repeating: 7, count: 65).withUnsafeBytes(TableWarming.readThrough) == 14)
    }
}
