import Foundation

/// Text prepared for `NSRegularExpression`, which works in UTF-16 offsets, with a table that
/// maps each UTF-16 offset back to the byte offset it came from. Built once per scope and file.
public struct RegexText: @unchecked Sendable {
    /// The text; invalid UTF-8 bytes appear as U+FFFD, one per byte, so offsets stay aligned.
    public let string: NSString
    private let byteOffsets: [Int32]

    /// Decodes `bytes`.
    public init(_ bytes: [UInt8]) {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count)
        var offsets: [Int32] = []
        offsets.reserveCapacity(bytes.count + 1)
        bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            while i < buffer.count {
                let b = buffer[i]
                if b < 0x80 {
                    units.append(UInt16(b))
                    offsets.append(Int32(i))
                    i += 1
                    continue
                }
                let (scalar, length) = UTF8Decoding.decode(buffer, at: i)
                let value = scalar ?? 0xFFFD
                if value > 0xFFFF {
                    let v = value - 0x10000
                    units.append(UInt16(0xD800 + (v >> 10)))
                    units.append(UInt16(0xDC00 + (v & 0x3FF)))
                    offsets.append(Int32(i))
                    offsets.append(Int32(i))
                } else {
                    units.append(UInt16(value))
                    offsets.append(Int32(i))
                }
                i += length
            }
        }
        offsets.append(Int32(bytes.count))
        self.byteOffsets = offsets
        self.string = String(decoding: units, as: UTF16.self) as NSString
    }

    /// The byte offset of UTF-16 offset `utf16`.
    @inline(__always)
    public func byteOffset(_ utf16: Int) -> Int { Int(byteOffsets[utf16]) }

    /// The byte range of an `NSRange`.
    public func byteRange(_ range: NSRange) -> Range<Int> {
        byteOffset(range.location)..<byteOffset(range.location + range.length)
    }

    /// Length in UTF-16 units.
    public var utf16Count: Int { byteOffsets.count - 1 }
}
