/// A JSON scanner for localization catalogues that keeps the byte range of every string.
///
/// `JSONParser` (for rule and config files) gives a value's offset but decodes strings away and
/// stops at the first error; a catalogue reader needs each string's content range to decode it in
/// place, and what precedes an error still read. Comments (`//`, `/* */`) are accepted, as many
/// JavaScript tools write them; a trailing comma is reported (JSON.parse rejects it) and read past.
enum CatalogueJSON {
    /// A value, with the ranges the readers need.
    indirect enum Value {
        /// An object's members in file order.
        case object([Member])
        /// An array's elements.
        case array([Value])
        /// A string: the range of its content, between the quotes.
        case string(Range<Int>)
        /// A number, `true`, `false` or `null`.
        case scalar(Range<Int>)
    }

    /// One member of an object.
    struct Member {
        /// The range of the key's content, between its quotes.
        var key: Range<Int>
        /// The value.
        var value: Value
    }

    /// What a scan gave: the value (as far as it could be read), comment ranges and problems.
    struct Document {
        var root: Value?
        var comments: [Range<Int>] = []
        var problems: [LocalizationProblem] = []
    }

    /// Scans `bytes` (a leading byte order mark is skipped).
    static func parse(_ bytes: [UInt8]) -> Document {
        var scanner = Scanner(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.index = 3 }
        scanner.skipTrivia()
        guard scanner.index < bytes.count else {
            // Nothing but white space or comments: no string to read; an empty file is no error.
            var problems: [LocalizationProblem] = []
            if let problem = scanner.problem {
                problems.append(problem)
            } else if let last = bytes.indices.last {
                problems.append(LocalizationProblem(range: last..<(last + 1), message: "invalid JSON: no value in the file"))
            }
            return Document(root: nil, comments: scanner.comments, problems: problems)
        }
        let root = scanner.value(depth: 0)
        if scanner.problem == nil {
            scanner.skipTrivia()
            if scanner.index < bytes.count { scanner.fail("text after the JSON value") }
        }
        var problems = scanner.warnings
        if let problem = scanner.problem { problems.append(problem) }
        problems.sort { $0.range.lowerBound < $1.range.lowerBound }
        return Document(root: root, comments: scanner.comments, problems: problems)
    }

    /// The decoded key of a member, for key paths.
    static func key(_ member: Member, in bytes: [UInt8]) -> String {
        var scratch: [UInt8] = []
        var ignored: [LocalizationProblem] = []
        return CatalogueString.decode(bytes, member.key, dialect: .json, text: &scratch, inPlace: false, problems: &ignored).string
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var comments: [Range<Int>] = []
        /// The error that stopped the scan.
        var problem: LocalizationProblem?
        /// Problems read past.
        var warnings: [LocalizationProblem] = []
        // Catalogues are shallow; the bound keeps recursion safe on any input.
        static let maximumDepth = 128

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func fail(_ message: String, _ range: Range<Int>? = nil) {
            guard problem == nil else { return }
            // At the end of the file, the problem is shown on its last byte.
            let at = max(0, min(index, bytes.count - 1))
            problem = LocalizationProblem(range: range ?? at..<min(bytes.count, at + 1), message: "invalid JSON: \(message)")
        }

        mutating func skipTrivia() {
            while index < bytes.count {
                let b = bytes[index]
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                    index += 1
                } else if b == 0x2F && index + 1 < bytes.count && bytes[index + 1] == 0x2F {
                    let start = index
                    while index < bytes.count && bytes[index] != 0x0A { index += 1 }
                    comments.append(start..<index)
                } else if b == 0x2F && index + 1 < bytes.count && bytes[index + 1] == 0x2A {
                    let start = index
                    index += 2
                    while index + 1 < bytes.count && !(bytes[index] == 0x2A && bytes[index + 1] == 0x2F) { index += 1 }
                    guard index + 1 < bytes.count else {
                        index = bytes.count
                        fail("a /* comment not closed", start..<(start + 2))
                        return
                    }
                    index += 2
                    comments.append(start..<index)
                } else {
                    return
                }
            }
        }

        mutating func value(depth: Int) -> Value? {
            guard depth < Self.maximumDepth else {
                fail("nested more than \(Self.maximumDepth) levels deep")
                return nil
            }
            guard index < bytes.count else {
                fail("the file ends where a value was expected")
                return nil
            }
            switch bytes[index] {
            case 0x7B: return object(depth: depth)
            case 0x5B: return array(depth: depth)
            case 0x22: return string().map { .string($0) }
            default: return scalar()
            }
        }

        mutating func string() -> Range<Int>? {
            let open = index
            index += 1
            while index < bytes.count {
                let b = bytes[index]
                if b == 0x22 {
                    index += 1
                    return (open + 1)..<(index - 1)
                }
                if b == 0x5C {
                    index += 2
                    continue
                }
                if b == 0x0A || b == 0x0D {
                    fail("a string not closed before the end of its line", open..<index)
                    return nil
                }
                index += 1
            }
            fail("a string not closed", open..<bytes.count)
            return nil
        }

        mutating func scalar() -> Value? {
            let start = index
            while index < bytes.count,
                bytes[index] == 0x2D || bytes[index] == 0x2B || bytes[index] == 0x2E
                    || (bytes[index] | 0x20 >= 0x61 && bytes[index] | 0x20 <= 0x7A)
                    || (bytes[index] >= 0x30 && bytes[index] <= 0x39)
            {
                index += 1
            }
            let word = bytes[start..<index]
            let isNumber = !word.isEmpty && (word.first! == 0x2D || (word.first! >= 0x30 && word.first! <= 0x39))
            guard isNumber || word.elementsEqual("true".utf8) || word.elementsEqual("false".utf8) || word.elementsEqual("null".utf8) else {
                index = start
                fail(
                    word.isEmpty
                        ? "unexpected character where a value was expected"
                        : "a value must be a string, number, object, array, true, false or null (quote text)",
                    start..<max(index + 1, start + word.count))
                return nil
            }
            return .scalar(start..<index)
        }

        mutating func array(depth: Int) -> Value? {
            index += 1
            var elements: [Value] = []
            skipTrivia()
            if index < bytes.count && bytes[index] == 0x5D {
                index += 1
                return .array(elements)
            }
            while problem == nil {
                skipTrivia()
                guard let element = value(depth: depth + 1) else { break }
                elements.append(element)
                let next = separator(closing: 0x5D)
                if next != .more { break }
            }
            return .array(elements)
        }

        mutating func object(depth: Int) -> Value? {
            index += 1
            var members: [Member] = []
            skipTrivia()
            if index < bytes.count && bytes[index] == 0x7D {
                index += 1
                return .object(members)
            }
            while problem == nil {
                skipTrivia()
                guard index < bytes.count, bytes[index] == 0x22 else {
                    fail(index < bytes.count ? "a key must be a quoted string" : "the file ends inside an object")
                    break
                }
                guard let key = string() else { break }
                skipTrivia()
                guard index < bytes.count, bytes[index] == 0x3A else {
                    fail("a ':' must follow the key")
                    break
                }
                index += 1
                skipTrivia()
                let value = value(depth: depth + 1)
                if let value { members.append(Member(key: key, value: value)) }
                guard value != nil, separator(closing: 0x7D) == .more else { break }
            }
            return .object(members)
        }

        enum Separator { case more, closed, failed }

        /// After an element: a `,` before more, or the closing bracket (consumed).
        mutating func separator(closing: UInt8) -> Separator {
            skipTrivia()
            guard index < bytes.count else {
                fail("the file ends before the closing '\(Character(UnicodeScalar(closing)))'")
                return .failed
            }
            if bytes[index] == closing {
                index += 1
                return .closed
            }
            guard bytes[index] == 0x2C else {
                fail("expected ',' or '\(Character(UnicodeScalar(closing)))'")
                return .failed
            }
            let comma = index
            index += 1
            skipTrivia()
            if index < bytes.count && bytes[index] == closing {
                warnings.append(
                    LocalizationProblem(range: comma..<(comma + 1), message: "invalid JSON: a trailing comma (JSON.parse rejects it)"))
                index += 1
                return .closed
            }
            return .more
        }
    }
}
