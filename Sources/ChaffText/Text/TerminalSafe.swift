/// Makes text from linted files safe to print on a terminal or in a line-oriented format.
///
/// Linted text is written by strangers: an ESC byte could recolour or rewrite the terminal, a
/// newline could forge an extra diagnostic line, and bidirectional overrides could make a line
/// read differently from what it contains. Each such character is shown as a visible escape.
public enum TerminalSafe {
    /// `text` with control characters, DEL, C1 controls, line/paragraph separators and bidi
    /// controls replaced by `\xNN` or `\u{NNNN}` escapes, except the scalars in `kept` (which
    /// the caller escapes its own way).
    public static func escape(_ text: String, except kept: [Unicode.Scalar] = []) -> String {
        // Every line of a report passes here. Only bytes below 0x20, DEL, and the lead bytes of
        // C1 controls (C2), the separators and bidi controls (E2) and U+061C (D8) can start a
        // scalar that needs escaping; text without them, nearly all text, is returned unread.
        guard mayNeedEscape(text) else { return text }
        guard text.unicodeScalars.contains(where: { needsEscape($0) && !kept.contains($0) }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) && !kept.contains(scalar) {
                if scalar.value < 0x100 {
                    let hex = String(scalar.value, radix: 16, uppercase: false)
                    out += "\\x" + (hex.count == 1 ? "0" : "") + hex
                } else {
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Appends the UTF-8 text `bytes`, escaped as `escape` does, to `out`.
    public static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        if containsSuspect(bytes) {
            out.append(contentsOf: escape(String(decoding: bytes, as: UTF8.self)).utf8)
        } else {
            out.append(contentsOf: bytes)
        }
    }

    /// Whether a byte of `text` can start a scalar that needs escaping; read straight from the
    /// string's storage when it is contiguous, as a native string's is.
    private static func mayNeedEscape(_ text: String) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable(containsSuspect) { return found }
        return text.utf8.contains(where: suspect)
    }

    /// Whether a byte of `bytes` is `suspect`, read eight at a time: every message of a report
    /// passes here, and a test per byte cost a tenth of writing a compiler-style line.
    package static func containsSuspect(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var i = 0
        while i + 8 <= bytes.count {
            let word = ByteWords.load(base, i)
            // A byte is below 0x20 when its high bit is clear and its low seven bits plus 0x60
            // stay below 0x80 (no carry leaves a byte).
            let belowSpace = ~(((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x6060_6060_6060_6060) | word) & 0x8080_8080_8080_8080
            let marked =
                belowSpace | ByteWords.equalBytes(word, ByteWords.broadcast(0x7F))
                | ByteWords.equalBytes(word, ByteWords.broadcast(0xC2)) | ByteWords.equalBytes(word, ByteWords.broadcast(0xE2))
                | ByteWords.equalBytes(word, ByteWords.broadcast(0xD8))
            if marked != 0 { return true }
            i += 8
        }
        while i < bytes.count {
            if suspect(bytes[i]) { return true }
            i += 1
        }
        return false
    }

    /// Whether `b` can start a scalar that needs escaping.
    @inline(__always)
    static func suspect(_ b: UInt8) -> Bool { b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE2 || b == 0xD8 }

    @inline(__always)
    package static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029
            || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F
            || v == 0x061C
    }
}
