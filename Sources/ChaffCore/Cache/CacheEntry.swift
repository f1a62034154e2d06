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
    static let magic = "chaff-cache-entry 1"

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
    /// `nil` for any other entry and for bytes that are not a whole, intact entry.
    static func decode(_ bytes: [UInt8], key: CacheKey, toolVersion: String) -> CachedResult? {
        var reader = Reader(bytes: bytes)
        guard reader.string() == magic, reader.string() == toolVersion,
            reader.string() == ContentHash.hex(key.settings), reader.string() == key.path,
            reader.string() == ContentHash.hex(key.contentHash), reader.int() == key.contentLength,
            let encodingName = reader.string(), let count = reader.int(), count >= 0
        else { return nil }
        let encoding: SourceEncoding?
        if encodingName.isEmpty {
            encoding = nil
        } else {
            guard let known = SourceEncoding(rawValue: encodingName) else { return nil }
            encoding = known
        }
        var diagnostics: [Diagnostic] = []
        diagnostics.reserveCapacity(min(count, 1 << 16))
        for _ in 0..<count {
            guard let lower = reader.int(), let upper = reader.int(), lower <= upper,
                let line = reader.int(), let column = reader.int(), let endLine = reader.int(),
                let endColumn = reader.int(), let severity = reader.string().flatMap(Severity.init(rawValue:)),
                let ruleID = reader.string(), let message = reader.string(), let matched = reader.string(),
                let fixField = reader.string(), let fingerprint = reader.string()
            else { return nil }
            let fix: String?
            switch fixField.first {
            case "-": fix = nil
            case "+": fix = String(fixField.dropFirst())
            default: return nil
            }
            diagnostics.append(Diagnostic(
                path: key.path, range: lower..<upper, line: line, column: column, endLine: endLine,
                endColumn: endColumn, severity: severity, ruleID: ruleID, message: message,
                matchedText: matched, fix: fix, fingerprint: fingerprint))
        }
        let checked = reader.offset
        guard let digest = reader.string(), reader.offset == bytes.count,
            digest == bytes.withUnsafeBytes({ ContentHash.hex(ContentHash.of(UnsafeRawBufferPointer(rebasing: $0[..<checked]))) })
        else { return nil }
        return CachedResult(diagnostics: diagnostics, decodedFrom: encoding)
    }

    /// Reads `LENGTH:BYTES` fields.
    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func string() -> String? {
            var length = 0
            var digits = 0
            while offset < bytes.count, bytes[offset] >= 0x30, bytes[offset] <= 0x39, digits < 12 {
                length = length * 10 + Int(bytes[offset] - 0x30)
                offset += 1
                digits += 1
            }
            guard digits > 0, offset < bytes.count, bytes[offset] == 0x3A, offset + 1 + length <= bytes.count else { return nil }
            let start = offset + 1
            offset = start + length
            return String(validating: bytes[start..<offset], as: UTF8.self)
        }

        mutating func int() -> Int? { string().flatMap { Int($0) } }
    }
}
