/// Android string resource escapes (`\'`, `\"`, `\n`, `\t`, `\@`, `\?`, `\\`, `\uXXXX`).
enum AndroidEscape {
    /// The UTF-8 bytes the escape at `start` stands for and its length in the file; an unknown
    /// escape is a problem and stands for the character after the backslash.
    static func decode(_ source: [UInt8], at start: Int, end: Int, problems: inout [LocalizationProblem]) -> ([UInt8], Int) {
        guard start + 1 < end else {
            problems.append(LocalizationProblem(range: start..<(start + 1), message: "a backslash at the end of a string; write \\\\"))
            return ([0x5C], 1)
        }
        let next = source[start + 1]
        switch next {
        case UInt8(ascii: "n"): return ([0x0A], 2)
        case UInt8(ascii: "t"): return ([0x09], 2)
        case UInt8(ascii: "u"):
            var value: UInt32 = 0
            var p = start + 2
            while p < end && p < start + 6 && MarkupBytes.isHexDigit(source[p]) {
                let byte = source[p]
                value = value * 16 + UInt32(MarkupBytes.isDigit(byte) ? byte - 0x30 : (byte | 0x20) - 0x61 + 10)
                p += 1
            }
            guard p == start + 6, let scalar = Unicode.Scalar(value) else {
                problems.append(LocalizationProblem(range: start..<p, message: "\\u needs four hexadecimal digits"))
                return ([0x75], p - start)
            }
            return (Array(String(Character(scalar)).utf8), 6)
        case 0x27, 0x22, 0x40, 0x3F, 0x5C, 0x23, 0x0A, 0x20:
            return ([next], 2)
        default:
            if next >= 0x80 || next < 0x20 {
                problems.append(LocalizationProblem(range: start..<(start + 1), message: "unknown escape; write \\\\ for a backslash"))
                return ([0x5C], 1)
            }
            problems.append(LocalizationProblem(range: start..<(start + 2), message: "unknown escape; write \\\\ for a backslash"))
            return ([next], 2)
        }
    }
}
