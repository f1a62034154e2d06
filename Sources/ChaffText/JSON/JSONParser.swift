/// A JSON parser that accepts `//` and `/* */` comments and trailing commas, rejects duplicate
/// keys, and records the byte offset of every value.
public struct JSONParser {
    /// A syntax error at a byte offset.
    public struct SyntaxError: Error, Sendable {
        /// Byte offset of the problem.
        public var offset: Int
        /// What is wrong.
        public var message: String
    }

    private let bytes: [UInt8]
    /// Whether the whole document is valid UTF-8, checked once: its strings are then made
    /// without validating each again, which took the standard library's generic path and a
    /// third of loading the built-in rules.
    private let validUTF8: Bool
    private var index = 0
    private var depth = 0
    // Deep nesting is never meaningful in a rule file, and unbounded recursion would crash.
    private static let maximumDepth = 200

    /// Parses a whole document.
    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONNode {
        var parser = JSONParser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        try parser.skipTrivia()
        let node = try parser.parseValue()
        try parser.skipTrivia()
        if parser.index < bytes.count {
            throw SyntaxError(offset: parser.index, message: "unexpected \(parser.describeCurrent()) after the JSON value")
        }
        return node
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        validUTF8 = UTF8Decoding.firstInvalidOffset(bytes) == nil
    }

    private func describeCurrent() -> String {
        guard index < bytes.count else { return "end of file" }
        let b = bytes[index]
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x\(String(b, radix: 16, uppercase: true))"
    }

    private mutating func skipTrivia() throws(SyntaxError) {
        while index < bytes.count {
            let b = bytes[index]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                index += 1
            } else if b == UInt8(ascii: "/") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/") {
                while index < bytes.count && bytes[index] != 0x0A { index += 1 }
            } else if b == UInt8(ascii: "/") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*") {
                let start = index
                index += 2
                while true {
                    guard index + 1 < bytes.count else {
                        throw SyntaxError(offset: start, message: "unterminated /* comment")
                    }
                    if bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/") {
                        index += 2
                        break
                    }
                    index += 1
                }
            } else {
                return
            }
        }
    }

    private mutating func parseValue() throws(SyntaxError) -> JSONNode {
        guard index < bytes.count else { throw SyntaxError(offset: index, message: "expected a value, found end of file") }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return JSONNode(value: .string(try parseString()), offset: start)
        case UInt8(ascii: "t"):
            try expectWord("true")
            return JSONNode(value: .bool(true), offset: start)
        case UInt8(ascii: "f"):
            try expectWord("false")
            return JSONNode(value: .bool(false), offset: start)
        case UInt8(ascii: "n"):
            try expectWord("null")
            return JSONNode(value: .null, offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default:
            throw SyntaxError(offset: index, message: "expected a value, found \(describeCurrent())")
        }
    }

    private mutating func expectWord(_ word: String) throws(SyntaxError) {
        let utf8 = Array(word.utf8)
        if index + utf8.count <= bytes.count && Array(bytes[index..<index + utf8.count]) == utf8 {
            index += utf8.count
            return
        }
        throw SyntaxError(offset: index, message: "expected a value, found \(describeCurrent())")
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw SyntaxError(offset: index, message: "nesting deeper than \(Self.maximumDepth) levels")
        }
    }

    private mutating func parseObject() throws(SyntaxError) -> JSONNode {
        let start = index
        try enter()
        index += 1
        var members: [JSONNode.Member] = []
        // Keys seen, hashed only in a large object: most have a handful, which a comparison
        // each tells apart for less than hashing them (rule files are read at every start).
        var seen: Set<String> = []
        try skipTrivia()
        while true {
            guard index < bytes.count else { throw SyntaxError(offset: start, message: "unterminated object") }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                break
            }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw SyntaxError(offset: index, message: "expected a quoted key or '}', found \(describeCurrent())")
            }
            let keyOffset = index
            let key = try parseString()
            if Self.isDuplicate(key, in: members, seen: &seen) {
                throw SyntaxError(offset: keyOffset, message: "duplicate key '\(key)'")
            }
            try skipTrivia()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw SyntaxError(offset: index, message: "expected ':' after key '\(key)', found \(describeCurrent())")
            }
            index += 1
            try skipTrivia()
            let value = try parseValue()
            members.append(JSONNode.Member(key: key, keyOffset: keyOffset, value: value))
            try skipTrivia()
            guard index < bytes.count else { throw SyntaxError(offset: start, message: "unterminated object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                try skipTrivia()
            } else if bytes[index] != UInt8(ascii: "}") {
                throw SyntaxError(offset: index, message: "expected ',' or '}' in object, found \(describeCurrent())")
            }
        }
        depth -= 1
        return JSONNode(value: .object(members), offset: start)
    }

    /// Whether `key` is one of `members`' keys (equal as strings); `seen` holds them all once
    /// there are more than `linearKeys`.
    private static func isDuplicate(_ key: String, in members: [JSONNode.Member], seen: inout Set<String>) -> Bool {
        if members.count < linearKeys { return members.contains { $0.key == key } }
        if seen.isEmpty { seen = Set(members.map(\.key)) }
        return !seen.insert(key).inserted
    }

    /// Objects with fewer keys than this are searched for a duplicate key one by one.
    private static let linearKeys = 16

    private mutating func parseArray() throws(SyntaxError) -> JSONNode {
        let start = index
        try enter()
        index += 1
        var elements: [JSONNode] = []
        try skipTrivia()
        while true {
            guard index < bytes.count else { throw SyntaxError(offset: start, message: "unterminated array") }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                break
            }
            elements.append(try parseValue())
            try skipTrivia()
            guard index < bytes.count else { throw SyntaxError(offset: start, message: "unterminated array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                try skipTrivia()
            } else if bytes[index] != UInt8(ascii: "]") {
                throw SyntaxError(offset: index, message: "expected ',' or ']' in array, found \(describeCurrent())")
            }
        }
        depth -= 1
        return JSONNode(value: .array(elements), offset: start)
    }

    /// The string of the bytes `range`, which hold no escape, of the string whose quote is at
    /// `quote`.
    private func string(of range: Range<Int>, quoteAt quote: Int) throws(SyntaxError) -> String {
        let made =
            validUTF8
            ? bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
            : String(validating: bytes[range], as: UTF8.self)
        guard let string = made else { throw SyntaxError(offset: quote, message: "string is not valid UTF-8") }
        return string
    }

    /// The offset from which a string's bytes may hold a quote, a backslash or a control byte,
    /// found eight bytes at a time (`from` itself when fewer than eight remain): every run
    /// parses the built-in rules, and reading their strings byte by byte was a tenth of that.
    private func plainRunEnd(from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { bytes in
            var end = start
            guard let base = bytes.baseAddress else { return end }
            let quote = ByteWords.broadcast(UInt8(ascii: "\"")), backslash = ByteWords.broadcast(UInt8(ascii: "\\"))
            while end + 8 <= bytes.count {
                let word = ByteWords.load(base, end)
                // Bytes below 0x20 set their high bit here (and a byte after one may too).
                let control = (word &- ByteWords.broadcast(0x20)) & ~word & 0x8080_8080_8080_8080
                if control | ByteWords.equalBytes(word, quote) | ByteWords.equalBytes(word, backslash) != 0 { break }
                end += 8
            }
            return end
        }
    }

    private mutating func parseString() throws(SyntaxError) -> String {
        let start = index
        // Most strings have no escapes: find the closing quote and make the String in one go.
        var end = plainRunEnd(from: start + 1)
        while end < bytes.count {
            let b = bytes[end]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 { break }
            end += 1
        }
        if end < bytes.count && bytes[end] == UInt8(ascii: "\"") {
            index = end + 1
            return try string(of: (start + 1)..<end, quoteAt: start)
        }
        index += 1
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        while true {
            guard index < bytes.count else { throw SyntaxError(offset: start, message: "unterminated string") }
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                break
            }
            if b < 0x20 {
                throw SyntaxError(offset: index, message: "control character in string; write it as an escape such as \\n")
            }
            if b != UInt8(ascii: "\\") {
                out.append(b)
                index += 1
                continue
            }
            let escapeStart = index
            index += 1
            guard index < bytes.count else { throw SyntaxError(offset: start, message: "unterminated string") }
            if let byte = JSONEscape.byte(for: bytes[index]) {
                out.append(byte)
                index += 1
                continue
            }
            switch bytes[index] {
            case UInt8(ascii: "u"):
                let code = try parseUnicodeEscape(escapeStart: escapeStart)
                out.append(contentsOf: Array(String(Character(Unicode.Scalar(code)!)).utf8))
            default:
                throw SyntaxError(offset: escapeStart, message: "invalid escape sequence in string")
            }
            index += 1
        }
        guard let string = String(validating: out, as: UTF8.self) else {
            throw SyntaxError(offset: start, message: "string is not valid UTF-8")
        }
        return string
    }

    /// The scalar of the `\uXXXX` escape whose `u` is at `index`, joining a surrogate pair;
    /// leaves `index` on the escape's last digit.
    @inline(__always) private mutating func parseUnicodeEscape(escapeStart: Int) throws(SyntaxError) -> UInt32 {
        var code = try parseHex4(at: index + 1, escapeStart: escapeStart)
        index += 4
        if (0xD800...0xDBFF).contains(code) {
            guard index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "\\"), bytes[index + 2] == UInt8(ascii: "u")
            else { throw SyntaxError(offset: escapeStart, message: "unpaired surrogate in \\u escape") }
            let low = try parseHex4(at: index + 3, escapeStart: escapeStart)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw SyntaxError(offset: escapeStart, message: "unpaired surrogate in \\u escape")
            }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            index += 6
        } else if (0xDC00...0xDFFF).contains(code) {
            throw SyntaxError(offset: escapeStart, message: "unpaired surrogate in \\u escape")
        }
        return code
    }

    private func parseHex4(at position: Int, escapeStart: Int) throws(SyntaxError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw SyntaxError(offset: escapeStart, message: "incomplete \\u escape") }
        var value: UInt32 = 0
        for b in bytes[position..<position + 4] {
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw SyntaxError(offset: escapeStart, message: "invalid \\u escape")
            }
            value = value * 16 + digit
        }
        return value
    }

    private mutating func parseNumber() throws(SyntaxError) -> JSONNode {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        guard isDigit(index) else { throw SyntaxError(offset: start, message: "invalid number") }
        if bytes[index] == UInt8(ascii: "0") { index += 1 } else { while isDigit(index) { index += 1 } }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard isDigit(index) else { throw SyntaxError(offset: start, message: "invalid number") }
            while isDigit(index) { index += 1 }
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
            guard isDigit(index) else { throw SyntaxError(offset: start, message: "invalid number") }
            while isDigit(index) { index += 1 }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text) else { throw SyntaxError(offset: start, message: "invalid number") }
        return JSONNode(value: .number(value), offset: start)
    }
}
