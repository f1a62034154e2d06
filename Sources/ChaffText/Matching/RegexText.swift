import Foundation

/// Text prepared for `NSRegularExpression`, which works in UTF-16 offsets, with a way back from
/// each UTF-16 offset to the byte offset it came from. Built once per scope and file.
///
/// The way back is not a table of one offset per UTF-16 unit (four bytes per unit, more than
/// the text itself): every `stride` units a checkpoint holds the byte offset reached, and a
/// lookup decodes forward from the nearest checkpoint, exactly as the text was decoded.
public struct RegexText: @unchecked Sendable {
    /// The text; invalid UTF-8 bytes appear as U+FFFD, one per byte, so offsets stay aligned.
    public let string: NSString
    /// The bytes the text was decoded from (shared, not copied).
    private let bytes: [UInt8]
    /// `checkpoints[k]` is the byte offset of the character holding UTF-16 unit `k * stride`,
    /// stored as `-(offset) - 1` when that unit is the second half of a surrogate pair.
    private let checkpoints: [Int32]
    /// Length in UTF-16 units.
    public let utf16Count: Int

    /// UTF-16 units between checkpoints.
    static let stride = 64

    /// Decodes `bytes`.
    public init(_ bytes: [UInt8]) {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count)
        var checkpoints: [Int32] = []
        checkpoints.reserveCapacity(bytes.count / Self.stride + 1)
        bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            while i < buffer.count {
                let b = buffer[i]
                if b < 0x80 {
                    if units.count % Self.stride == 0 { checkpoints.append(Int32(i)) }
                    units.append(UInt16(b))
                    i += 1
                    continue
                }
                let (scalar, length) = UTF8Decoding.decode(buffer, at: i)
                let value = scalar ?? 0xFFFD
                if units.count % Self.stride == 0 { checkpoints.append(Int32(i)) }
                if value > 0xFFFF {
                    let v = value - 0x10000
                    units.append(UInt16(0xD800 + (v >> 10)))
                    if units.count % Self.stride == 0 { checkpoints.append(-Int32(i) - 1) }
                    units.append(UInt16(0xDC00 + (v & 0x3FF)))
                } else {
                    units.append(UInt16(value))
                }
                i += length
            }
        }
        self.bytes = bytes
        self.checkpoints = checkpoints
        self.utf16Count = units.count
        self.string = String(decoding: units, as: UTF16.self) as NSString
    }

    /// The byte offset of UTF-16 offset `utf16` (`0...utf16Count`); both halves of a surrogate
    /// pair map to the start of their character.
    public func byteOffset(_ utf16: Int) -> Int {
        if utf16 >= utf16Count { return bytes.count }
        let checkpoint = utf16 / Self.stride
        var left = utf16 - checkpoint * Self.stride
        let stored = Int(checkpoints[checkpoint])
        return bytes.withUnsafeBufferPointer { buffer in
            var i = stored
            if stored < 0 {
                i = -stored - 1
                if left == 0 { return i }
                // Past the pair whose second half the checkpoint is.
                i += UTF8Decoding.decode(buffer, at: i).length
                left -= 1
            }
            while left > 0 {
                let b = buffer[i]
                if b < 0x80 {
                    i += 1
                    left -= 1
                    continue
                }
                let (scalar, length) = UTF8Decoding.decode(buffer, at: i)
                if (scalar ?? 0xFFFD) > 0xFFFF {
                    if left == 1 { return i }
                    left -= 2
                } else {
                    left -= 1
                }
                i += length
            }
            return i
        }
    }

    /// The byte range of an `NSRange`.
    public func byteRange(_ range: NSRange) -> Range<Int> {
        byteOffset(range.location)..<byteOffset(range.location + range.length)
    }
}
