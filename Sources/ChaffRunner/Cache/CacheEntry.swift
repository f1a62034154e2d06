import ChaffEngine
import ChaffText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What identifies one file's cached findings: the file as reported, the rules and options it
/// was linted with, chaff's build, and its content.
public struct CacheKey: Sendable, Equatable {
    /// The path as reported (findings carry it).
    public var path: String
    /// The digest of the effective rules and options (`CacheSettings`).
    public var settings: UInt64
    /// `ContentHash` of the file's bytes.
    public var contentHash: UInt64
    /// The file's length in bytes.
    public var contentLength: Int
    /// The file's `FileStamp` when it was read, stored so that a later run can find the entry
    /// without reading the file; not part of what a content lookup compares.
    public var stamp: String?

    /// A key from its parts.
    public init(path: String, settings: UInt64, contentHash: UInt64, contentLength: Int) {
        self.path = path
        self.settings = settings
        self.contentHash = contentHash
        self.contentLength = contentLength
    }
}

/// The findings of one file as linted, before any `--diff-lines` filter or source excerpt.
public struct CachedResult: Sendable, Equatable {
    /// The diagnostics, in report order.
    public var diagnostics: [Diagnostic]
    /// The encoding the file was read in when it was not UTF-8.
    public var decodedFrom: SourceEncoding?

    /// A result.
    public init(diagnostics: [Diagnostic], decodedFrom: SourceEncoding?) {
        self.diagnostics = diagnostics
        self.decodedFrom = decodedFrom
    }
}

/// The bytes of one cache entry: a sequence of length-prefixed fields (`LENGTH:BYTES`), so
/// that any text (a message with a newline, a fix with a colon) round-trips exactly and a
/// reader never has to unescape. The key comes first and is compared before the findings are
/// decoded; the last field is a hash of everything before it, so a torn or damaged entry (a
/// crash between write and rename on a file system that reorders them) reads as a miss.
enum CacheEntry {
    static let magic = "chaff-cache-entry 2"

    /// The entry for `result` under `key`, made by chaff `toolVersion`.
    static func encode(key: CacheKey, toolVersion: String, result: CachedResult) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + result.diagnostics.count * 160)
        func field(_ text: String) {
            out += Array(String(text.utf8.count).utf8)
            out.append(0x3A)
            out += Array(text.utf8)
        }
        func field(_ number: Int) { field(String(number)) }
        field(magic)
        field(toolVersion)
        field(ContentHash.hex(key.settings))
        field(key.path)
        field(ContentHash.hex(key.contentHash))
        field(key.contentLength)
        field(key.stamp ?? "")
        field(result.decodedFrom?.rawValue ?? "")
        field(result.diagnostics.count)
        for d in result.diagnostics {
            field(d.range.lowerBound)
            field(d.range.upperBound)
            field(d.line)
            field(d.column)
            field(d.endLine)
            field(d.endColumn)
            field(d.severity.rawValue)
            field(d.ruleID)
            field(d.message)
            field(d.matchedText)
            field(d.fix == nil ? "-" : "+" + d.fix!)
            field(d.fingerprint)
        }
        field(ContentHash.hex(ContentHash.of(out)))
        return out
    }

    /// The result stored in `bytes` when it was made under exactly `key` by `toolVersion`;
    /// `nil` for any other entry and for bytes that are not a whole, intact entry. With
    /// `byStamp`, the entry's stored stamp must equal `key.stamp` (a non-empty one) and the
    /// content fields are not compared: the file was not read.
    static func decode(_ bytes: [UInt8], key: CacheKey, toolVersion: String, byStamp: Bool = false) -> CachedResult? {
        bytes.withUnsafeBufferPointer { buffer in decode(buffer, key: key, toolVersion: toolVersion, byStamp: byStamp) }
    }

    /// `ruleIDs` are the ids the entry's findings are expected to carry: a finding's id equal to
    /// one of them shares its storage rather than allocating its own.
    static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, key: CacheKey, toolVersion: String, byStamp: Bool = false, ruleIDs: [String] = []
    ) -> CachedResult? {
        var diagnostics: [Diagnostic] = []
        guard
            let (count, encoding) = read(
                bytes, key: key, toolVersion: toolVersion, byStamp: byStamp,
                each: { stored in
                    if diagnostics.isEmpty { diagnostics.reserveCapacity(8) }
                    diagnostics.append(stored.diagnostic(path: key.path, ruleIDs: ruleIDs))
                })
        else { return nil }
        assert(count == diagnostics.count)
        return CachedResult(diagnostics: diagnostics, decodedFrom: encoding)
    }

    /// Reads the entry in `bytes` when it was made under exactly `key` by `toolVersion`,
    /// calling `each` with every finding in report order, its text fields left in `bytes`;
    /// returns how many there were and the encoding the file was read in, or `nil` for any
    /// other entry and for bytes that are not a whole, intact entry (checked before the first
    /// `each`). With `byStamp`, the entry's stored stamp must equal `key.stamp` (a non-empty one)
    /// and the content fields are not compared: the file was not read.
    //
    // The key fields are compared as bytes and numbers are read in place: a second run over a
    // large tree reads one entry per file, and this is most of its work.
    static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, key: CacheKey, toolVersion: String, byStamp: Bool = false, each: (StoredFinding) -> Void
    ) -> (count: Int, encoding: SourceEncoding?)? {
        // The checksum is the last field, always 16 hex digits: check it first, so that a torn
        // or damaged entry never reaches `each`.
        let digestField = 3 + 16
        guard bytes.count > digestField else { return nil }
        let body = bytes.count - digestField
        guard bytes[body] == 0x31, bytes[body + 1] == 0x36, bytes[body + 2] == 0x3A,
            let stored = Reader.hexValue(UnsafeBufferPointer(rebasing: bytes[(body + 3)...])),
            stored == ContentHash.of(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[..<body])))
        else { return nil }
        var reader = Reader(bytes: UnsafeBufferPointer(rebasing: bytes[..<body]))
        guard reader.equals(magic), reader.equals(toolVersion), reader.equalsHex(key.settings), reader.equals(key.path)
        else { return nil }
        if byStamp {
            guard let stamp = key.stamp, !stamp.isEmpty, reader.field() != nil, reader.int() != nil, reader.equals(stamp) else {
                return nil
            }
        } else {
            guard reader.equalsHex(key.contentHash), reader.int() == key.contentLength, reader.field() != nil else {
                return nil
            }
        }
        guard let encodingName = reader.field(), let count = reader.int(), count >= 0 else { return nil }
        let encoding: SourceEncoding?
        if encodingName.isEmpty {
            encoding = nil
        } else {
            guard let known = SourceEncoding(rawValue: String(decoding: reader.slice(encodingName), as: UTF8.self)) else { return nil }
            encoding = known
        }
        for _ in 0..<count {
            guard let lower = reader.int(), let upper = reader.int(), lower <= upper,
                let line = reader.int(), let column = reader.int(), let endLine = reader.int(),
                let endColumn = reader.int(), let severity = reader.field().flatMap({ Severity(bytes: reader.slice($0)) }),
                let ruleID = reader.field(), let message = reader.field(), let matched = reader.field(),
                let fixField = reader.field(), let fingerprint = reader.field(), !fixField.isEmpty
            else { return nil }
            let fix: UnsafeBufferPointer<UInt8>?
            switch reader.bytes[fixField.lowerBound] {
            case 0x2D: fix = nil
            case 0x2B: fix = reader.slice(fixField.dropFirst())
            default: return nil
            }
            each(
                StoredFinding(
                    range: lower..<upper, line: line, column: column, endLine: endLine, endColumn: endColumn, severity: severity,
                    ruleID: reader.slice(ruleID), message: reader.slice(message), matchedText: reader.slice(matched), fix: fix,
                    fingerprint: reader.slice(fingerprint)))
        }
        guard reader.offset == body else { return nil }
        return (count, encoding)
    }

    /// The entries of a segment (a sequence of `LENGTH:ENTRY` fields) made by `toolVersion`:
    /// each one's `indexKey` and byte range. Entries of other versions are left out; a damaged
    /// tail ends the scan (its entries are misses).
    static func scanSegment(_ segment: [UInt8], toolVersion: String) -> [(key: UInt64, range: Range<Int>)] {
        segment.withUnsafeBufferPointer { bytes in
            var found: [(key: UInt64, range: Range<Int>)] = []
            var outer = Reader(bytes: bytes)
            while outer.offset < bytes.count, let range = outer.field() {
                let entry = UnsafeBufferPointer(rebasing: bytes[range])
                var inner = Reader(bytes: entry)
                guard inner.equals(magic), inner.equals(toolVersion), let settings = inner.field(), let path = inner.field() else {
                    continue
                }
                let key = ContentHash.of(
                    UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: entry[path])),
                    seed: ContentHash.of(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: entry[settings]))))
                found.append((key, range))
            }
            return found
        }
    }

    /// What entries are found by: a hash of the reported path and the settings (as the entry
    /// writes them). Equal keys of different entries only cost a failed `decode`.
    static func indexKey(path: String, settings: UInt64) -> UInt64 {
        ContentHash.of(path, seed: ContentHash.of(ContentHash.hex(settings)))
    }

    /// Reads `LENGTH:BYTES` fields.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset = 0

        /// The next field's bytes.
        mutating func field() -> Range<Int>? {
            var length = 0
            var digits = 0
            while offset < bytes.count, bytes[offset] >= 0x30, bytes[offset] <= 0x39, digits < 12 {
                length = length * 10 + Int(bytes[offset] - 0x30)
                offset += 1
                digits += 1
            }
            guard digits > 0, offset < bytes.count, bytes[offset] == 0x3A, length <= bytes.count - offset - 1 else { return nil }
            let start = offset + 1
            offset = start + length
            return start..<offset
        }

        /// The bytes of a field.
        func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[range]) }

        /// Whether the next field is `value` as `ContentHash.hex` writes it.
        mutating func equalsHex(_ value: UInt64) -> Bool {
            guard let range = field(), range.count == 16 else { return false }
            return Self.hexValue(slice(range)) == value
        }

        /// The value of 16 lowercase hex digits, as `ContentHash.hex` writes them.
        static func hexValue(_ digits: UnsafeBufferPointer<UInt8>) -> UInt64? {
            guard digits.count == 16 else { return nil }
            var value: UInt64 = 0
            for b in digits {
                let digit: UInt8
                switch b {
                case 0x30...0x39: digit = b - 0x30
                case 0x61...0x66: digit = b - 0x61 + 10
                default: return nil
                }
                value = value << 4 | UInt64(digit)
            }
            return value
        }

        mutating func int() -> Int? {
            guard let range = field(), !range.isEmpty, range.count <= 18 else { return nil }
            var value = 0
            for index in range {
                let digit = bytes[index] &- 0x30
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }

        /// Whether the next field is `expected`.
        mutating func equals(_ expected: String) -> Bool {
            guard let range = field() else { return false }
            return Self.equal(bytes, range, expected)
        }

        static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ expected: String) -> Bool {
            var expected = expected
            return expected.withUTF8 { text in
                text.count == range.count
                    && (text.isEmpty || memcmp(text.baseAddress!, bytes.baseAddress! + range.lowerBound, range.count) == 0)
            }
        }
    }
}
