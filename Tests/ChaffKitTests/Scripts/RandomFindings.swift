@testable import ChaffKinds

/// Findings for the mixed-script tests that compare a faster path with the scan it replaced:
/// whole three-byte characters of a random text, in text order, as `mixed-han-script` asks
/// about them.
enum RandomFindings {
    /// The ranges of characters at most `step` bytes apart (and past `start`), each the first
    /// three-byte character from where the step lands whose code point `accepts`.
    static func ranges(
        in text: UnsafeBufferPointer<UInt8>, step: Int, _ random: inout SeededGenerator,
        accepting accepts: (UInt32) -> Bool = { _ in true }
    ) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var position = 0
        while position < text.count {
            position += 1 + random.next(step)
            while position < text.count {
                let (scalar, length) = UTF8ScalarDecoding.scalar(in: text, at: position, end: text.count)
                if length == 3 && accepts(scalar) { break }
                position += 1
            }
            guard position + 3 <= text.count else { break }
            found.append(position..<(position + 3))
        }
        return found
    }
}
