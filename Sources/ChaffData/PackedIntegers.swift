/// Reads the integer sequences that `Scripts/generate-unicode-tables.py` packs into string
/// literals.
///
/// Each integer is written as little-endian groups of 5 bits, one base64url character per group,
/// with 32 added to every group but the last. Line breaks and spaces between characters are
/// ignored so the generated literals can be wrapped.
struct PackedIntegers {
    /// The literal's bytes; a `StaticString` lives in the binary, so the pointer never dangles.
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    init(_ text: StaticString) {
        bytes = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
    }

    /// Whether every integer has been read.
    var isAtEnd: Bool {
        mutating get {
            skipSeparators()
            return position == bytes.count
        }
    }

    /// Reads the next integer; a malformed literal is a generator bug, so it traps.
    mutating func next() -> UInt32 {
        skipSeparators()
        var value: UInt32 = 0
        var shift: UInt32 = 0
        while true {
            precondition(position < bytes.count, "packed table ends inside an integer")
            let byte = bytes[position]
            position += 1
            // Lines are wrapped at a fixed width, so a break can fall inside an integer.
            if byte == 0x0A || byte == 0x20 { continue }
            let digit = Self.digit(byte)
            value |= (digit & 31) << shift
            if digit < 32 { return value }
            shift += 5
        }
    }

    private mutating func skipSeparators() {
        while position < bytes.count, bytes[position] == 0x0A || bytes[position] == 0x20 {
            position += 1
        }
    }

    private static func digit(_ byte: UInt8) -> UInt32 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return UInt32(byte - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return UInt32(byte - UInt8(ascii: "a")) + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0")) + 52
        case UInt8(ascii: "-"): return 62
        case UInt8(ascii: "_"): return 63
        default: preconditionFailure("byte \(byte) is not a packed-integer digit")
        }
    }
}

extension PackedIntegers {
    /// Decodes `count, delta*` into the ascending code points it lists.
    static func sortedCodePoints(_ text: StaticString) -> [UInt32] {
        var reader = PackedIntegers(text)
        let count = Int(reader.next())
        var points: [UInt32] = []
        points.reserveCapacity(count)
        var point: UInt32 = 0
        for _ in 0..<count {
            point += reader.next()
            points.append(point)
        }
        precondition(reader.isAtEnd, "malformed code point list")
        return points
    }
}
