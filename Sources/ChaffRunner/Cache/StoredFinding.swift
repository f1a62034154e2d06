import ChaffEngine

/// One finding as a cache entry stores it: its numbers read, its text fields left as UTF-8
/// bytes in the entry. A reporter can write its line straight from these bytes, where making a
/// `Diagnostic` allocates and frees four strings per finding: most of the work of a run that
/// reports a large unchanged tree from the cache. The buffers are valid only during the call
/// that hands the value over.
public struct StoredFinding {
    /// Byte range in the source.
    public var range: Range<Int>
    /// 1-based start line.
    public var line: Int
    /// 1-based start column, in the column unit the entry was made with.
    public var column: Int
    /// 1-based end line.
    public var endLine: Int
    /// 1-based end column.
    public var endColumn: Int
    /// Effective severity.
    public var severity: Severity
    /// The rule's id.
    public var ruleID: UnsafeBufferPointer<UInt8>
    /// The rendered message.
    public var message: UnsafeBufferPointer<UInt8>
    /// The source text of `range`.
    public var matchedText: UnsafeBufferPointer<UInt8>
    /// The replacement, when the rule offers a fix.
    public var fix: UnsafeBufferPointer<UInt8>?
    /// The fingerprint.
    public var fingerprint: UnsafeBufferPointer<UInt8>

    /// The finding as a diagnostic of the file reported as `path`; an id among `ruleIDs`
    /// shares that string's storage.
    func diagnostic(path: String, ruleIDs: [String]) -> Diagnostic {
        Diagnostic(
            path: path, range: range, line: line, column: column, endLine: endLine, endColumn: endColumn, severity: severity,
            ruleID: ruleIDs.first { Self.equal(ruleID, $0) } ?? Self.string(ruleID), message: Self.string(message),
            matchedText: Self.string(matchedText), fix: fix.map(Self.string), fingerprint: Self.string(fingerprint))
    }

    // Entries are checksummed and only chaff writes them: their text needs no repair.
    private static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { $0.elementsEqual(bytes) }
    }
}
