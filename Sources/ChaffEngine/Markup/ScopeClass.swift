/// The scope a masker assigns to one byte while it scans; turned into per-scope byte arrays by
/// `MaskAssembler`. Kept as raw `UInt8` values so one flat array holds the classes of a file.
enum ScopeClass {
    /// Markup syntax or anything else no rule reads (only the raw scope keeps it).
    static let none: UInt8 = 0
    /// Prose.
    static let prose: UInt8 = 1
    /// Prose that is also a heading.
    static let heading: UInt8 = 2
    /// Code.
    static let code: UInt8 = 3
    /// Comment text.
    static let comment: UInt8 = 4

    /// Sets `classes[range]` to `value`.
    @inline(__always) static func mark(_ classes: UnsafeMutableBufferPointer<UInt8>, _ range: Range<Int>, _ value: UInt8) {
        guard range.lowerBound < range.upperBound else { return }
        (classes.baseAddress! + range.lowerBound).update(repeating: value, count: range.count)
    }

    /// Changes every byte in `range` that is `from` to `to`, leaving other classes alone.
    static func convert(_ classes: UnsafeMutableBufferPointer<UInt8>, _ range: Range<Int>, from: UInt8, to: UInt8) {
        for i in range where classes[i] == from { classes[i] = to }
    }
}
