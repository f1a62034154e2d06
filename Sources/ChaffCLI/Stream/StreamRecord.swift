import ChaffEngine
import ChaffText

/// One document of a `chaff stream` input line: `{"id": …, "text": "…", "format": "…",
/// "language": "…", …}`.
struct StreamDocument: Sendable {
    /// The id exactly as the line wrote it (a JSON string or number), copied to the output.
    var id: [UInt8]
    /// The text, decoded to UTF-8.
    var text: [UInt8]
    /// `format`, when given.
    var format: String?
    /// Every member other than `id` and `text` (`format` and `language` included), as
    /// `,"key":value` with the key and value exactly as written, for the output record.
    var passThrough: [UInt8]
}

/// Why a line is not a document, and where (a 1-based byte column in the line).
struct StreamRecordError: Error, Equatable {
    var column: Int
    var message: String
    /// The line's id when it could be read, so the error record can name the document.
    var id: [UInt8]?
}

/// Reads one JSON Lines record strictly (RFC 8259: no comments, no trailing commas, no
/// duplicate keys; the line must be valid UTF-8) into a `StreamDocument`.
///
/// Only `id` and `text` are decoded; the other members are checked to be JSON and kept as
/// written, so passing them through costs a copy.
struct StreamRecordParser {
    /// The member names the output record uses itself: an input member of one of these names
    /// would be overwritten, so it is an error instead.
    static let reservedNames: Set<String> = ["findings", "signals", "error"]
    /// The document formats a record may name.
    static let formats = DocumentFormat.allCases.map(\.rawValue)
    /// Nesting depth at which a pass-through value is refused rather than recursed into.
    static let maximumDepth = 128

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// The id once read, so that errors after it name the document.
    private var id: [UInt8]?

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The document on `line` (without its `\n`).
    static func parse(_ line: [UInt8]) throws(StreamRecordError) -> StreamDocument {
        if let bad = UTF8Decoding.firstInvalidOffset(line) {
            throw StreamRecordError(column: bad + 1, message: "the line is not valid UTF-8")
        }
        let result: Result<StreamDocument, StreamRecordError> = line.withUnsafeBufferPointer { pointer in
            var parser = StreamRecordParser(pointer)
            do throws(StreamRecordError) {
                return .success(try parser.record())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private mutating func record() throws(StreamRecordError) -> StreamDocument {
        skipSpace()
        guard index < bytes.count else { throw fail("an empty line; each line must be one JSON object") }
        guard bytes[index] == UInt8(ascii: "{") else { throw fail("a line must be a JSON object, found \(describeCurrent())") }
        index += 1
        var fields = Fields()
        skipSpace()
        if peek() == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                try member(into: &fields)
                skipSpace()
                if peek() == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                if peek() == UInt8(ascii: "}") {
                    index += 1
                    break
                }
                throw StreamRecordError(
                    column: index + 1, message: "expected ',' or '}' after a member, found \(describeCurrent())", id: id)
            }
        }
        skipSpace()
        guard index == bytes.count else {
            throw StreamRecordError(column: index + 1, message: "unexpected \(describeCurrent()) after the JSON object", id: id)
        }
        guard let id else { throw StreamRecordError(column: 1, message: "the record has no 'id'") }
        guard let text = fields.text else { throw StreamRecordError(column: 1, message: "the record has no 'text'", id: id) }
        return StreamDocument(id: id, text: text, format: fields.format, passThrough: fields.passThrough)
    }

    /// The members read so far, apart from `id`, which errors after it carry.
    private struct Fields {
        var text: [UInt8]?
        var format: String?
        var passThrough: [UInt8] = []
        var seen = Set<String>()
    }

    /// Reads one `"name": value` member.
    private mutating func member(into fields: inout Fields) throws(StreamRecordError) {
        skipSpace()
        let keyStart = index
        guard peek() == UInt8(ascii: "\"") else { throw fail("expected a member name in quotes, found \(describeCurrent())") }
        let keyBytes = try string()
        let keyEnd = index
        let key = String(decoding: keyBytes, as: UTF8.self)
        guard fields.seen.insert(key).inserted else {
            throw StreamRecordError(column: keyStart + 1, message: "duplicate member '\(TerminalSafe.escape(key))'", id: id)
        }
        skipSpace()
        guard peek() == UInt8(ascii: ":") else { throw fail("expected ':' after the member name, found \(describeCurrent())") }
        index += 1
        skipSpace()
        let valueStart = index
        switch key {
        case "id":
            guard peek() == UInt8(ascii: "\"") || peek() == UInt8(ascii: "-") || (peek().map { $0 >= 0x30 && $0 <= 0x39 } ?? false)
            else {
                throw fail("'id' must be a string or a number, found \(describeCurrent())")
            }
            try value(depth: 0)
            id = Array(bytes[valueStart..<index])
        case "text":
            guard peek() == UInt8(ascii: "\"") else { throw fail("'text' must be a string, found \(describeCurrent())") }
            fields.text = try string()
        default:
            if Self.reservedNames.contains(key) {
                throw StreamRecordError(
                    column: keyStart + 1, message: "member '\(key)' is reserved for chaff's output; rename it", id: id)
            }
            try passThroughValue(key, valueStart: valueStart, format: &fields.format)
            fields.passThrough.append(UInt8(ascii: ","))
            fields.passThrough += bytes[keyStart..<keyEnd]
            fields.passThrough.append(UInt8(ascii: ":"))
            fields.passThrough += bytes[valueStart..<index]
        }
    }

    /// Steps over the value of a member that goes into the output as it is; `format` and
    /// `language` must be strings, and `format` one chaff reads.
    private mutating func passThroughValue(_ key: String, valueStart: Int, format: inout String?) throws(StreamRecordError) {
        guard key == "format" || key == "language" else {
            try value(depth: 0)
            return
        }
        guard peek() == UInt8(ascii: "\"") else { throw fail("'\(key)' must be a string, found \(describeCurrent())") }
        let decoded = String(decoding: try string(), as: UTF8.self)
        guard key == "format" else { return }
        guard Self.formats.contains(decoded) else {
            throw StreamRecordError(
                column: valueStart + 1,
                message: "unknown format '\(TerminalSafe.escape(decoded))'; choose one of \(Self.formats.joined(separator: ", "))",
                id: id)
        }
        format = decoded
    }

    // MARK: - JSON values

    /// Checks one JSON value and steps over it.
    private mutating func value(depth: Int) throws(StreamRecordError) {
        guard let byte = peek() else { throw fail("expected a value, found the end of the line") }
        switch byte {
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth < Self.maximumDepth else { throw fail("values nested deeper than \(Self.maximumDepth) levels") }
            let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            index += 1
            skipSpace()
            if peek() == close {
                index += 1
                return
            }
            while true {
                skipSpace()
                if close == UInt8(ascii: "}") {
                    guard peek() == UInt8(ascii: "\"") else { throw fail("expected a member name in quotes, found \(describeCurrent())") }
                    _ = try string()
                    skipSpace()
                    guard peek() == UInt8(ascii: ":") else { throw fail("expected ':' after the member name, found \(describeCurrent())") }
                    index += 1
                    skipSpace()
                }
                try value(depth: depth + 1)
                skipSpace()
                if peek() == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                if peek() == close {
                    index += 1
                    return
                }
                throw fail("expected ',' or '\(Character(Unicode.Scalar(close)))', found \(describeCurrent())")
            }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw fail("expected a value, found \(describeCurrent())")
        }
    }

    private mutating func literal(_ word: String) throws(StreamRecordError) {
        let letters = Array(word.utf8)
        let count = letters.count
        let matches = index + count <= bytes.count && (0..<count).allSatisfy { bytes[index + $0] == letters[$0] }
        guard matches else { throw fail("expected a value, found \(describeCurrent())") }
        index += count
    }

    private mutating func number() throws(StreamRecordError) {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        if peek() == UInt8(ascii: "0") {
            index += 1
        } else {
            guard digits() > 0 else { throw StreamRecordError(column: start + 1, message: "a malformed number", id: id) }
        }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw StreamRecordError(column: start + 1, message: "a malformed number", id: id) }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw StreamRecordError(column: start + 1, message: "a malformed number", id: id) }
        }
    }

    private mutating func digits() -> Int {
        let start = index
        while let byte = peek(), byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { index += 1 }
        return index - start
    }

    /// Reads the string at `index` (its opening quote) and returns its UTF-8 bytes, escapes
    /// decoded. An escaped surrogate must be half of a pair, or the text would not be Unicode.
    private mutating func string() throws(StreamRecordError) -> [UInt8] {
        let quote = index
        index += 1
        var out: [UInt8] = []
        var runStart = index
        while true {
            guard index < bytes.count else {
                throw StreamRecordError(column: quote + 1, message: "a string that is not closed on this line", id: id)
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                out += bytes[runStart..<index]
                index += 1
                return out
            }
            if byte < 0x20 {
                throw fail("a control character (0x\(String(byte, radix: 16, uppercase: true))) in a string must be escaped")
            }
            guard byte == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            out += bytes[runStart..<index]
            let escape = index
            index += 1
            guard let kind = peek() else { throw fail("a string that is not closed on this line") }
            index += 1
            if let byte = JSONEscape.byte(for: kind) {
                out.append(byte)
                runStart = index
                continue
            }
            switch kind {
            case UInt8(ascii: "u"):
                var scalar = try hex4(escape)
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        throw StreamRecordError(
                            column: escape + 1, message: "an unpaired surrogate escape; the text must be Unicode", id: id)
                    }
                    index += 2
                    let low = try hex4(escape)
                    guard low >= 0xDC00 && low < 0xE000 else {
                        throw StreamRecordError(
                            column: escape + 1, message: "an unpaired surrogate escape; the text must be Unicode", id: id)
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    throw StreamRecordError(column: escape + 1, message: "an unpaired surrogate escape; the text must be Unicode", id: id)
                }
                out += Array(String(Character(Unicode.Scalar(scalar)!)).utf8)
            default:
                throw StreamRecordError(column: escape + 1, message: "an unknown escape '\\\(Character(Unicode.Scalar(kind)))'", id: id)
            }
            runStart = index
        }
    }

    private mutating func hex4(_ escape: Int) throws(StreamRecordError) -> UInt32 {
        guard index + 4 <= bytes.count else {
            throw StreamRecordError(column: escape + 1, message: "a \\u escape needs four hex digits", id: id)
        }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw StreamRecordError(column: escape + 1, message: "a \\u escape needs four hex digits", id: id)
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    // MARK: - Helpers

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    private func fail(_ message: String) -> StreamRecordError {
        StreamRecordError(column: index + 1, message: message, id: id)
    }

    private func describeCurrent() -> String {
        guard let byte = peek() else { return "the end of the line" }
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }
}
