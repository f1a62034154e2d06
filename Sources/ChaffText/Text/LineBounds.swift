/// The line around an offset, found by scanning for line breaks (LF or CR) on either side.
package enum LineBounds {
    /// The offset just after the last line break before `offset`, or 0.
    package static func start(of offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var k = offset
        while k > 0 && text[k - 1] != 0x0A && text[k - 1] != 0x0D { k -= 1 }
        return k
    }

    /// The offset of the first line break at or after `offset`, or the end of the text.
    package static func end(of offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var k = offset
        while k < text.count && text[k] != 0x0A && text[k] != 0x0D { k += 1 }
        return k
    }
}
