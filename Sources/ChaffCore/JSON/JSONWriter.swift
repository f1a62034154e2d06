/// Writes JSON text with a fixed key order and full escaping.
///
/// Output formats are built as ordered values so that reports are byte-for-byte reproducible
/// and every string from linted text is escaped, control characters included.
public indirect enum JSONOutput: Sendable {
    case object([(String, JSONOutput)])
    case array([JSONOutput])
    case string(String)
    case int(Int)
    case bool(Bool)
    case null

    /// The serialised text; `indent` > 0 pretty-prints.
    public func serialized(indent: Int = 0) -> String {
        var out = ""
        write(into: &out, indent: indent, level: 0)
        return out
    }

    private func write(into out: inout String, indent: Int, level: Int) {
        let newline = indent > 0 ? "\n" : ""
        let pad = String(repeating: " ", count: indent * (level + 1))
        let closingPad = String(repeating: " ", count: indent * level)
        switch self {
        case .object(let members):
            if members.isEmpty {
                out += "{}"
                return
            }
            out += "{" + newline
            for (i, (key, value)) in members.enumerated() {
                out += pad
                Self.writeString(key, into: &out)
                out += indent > 0 ? ": " : ":"
                value.write(into: &out, indent: indent, level: level + 1)
                out += (i + 1 < members.count ? "," : "") + newline
            }
            out += closingPad + "}"
        case .array(let elements):
            if elements.isEmpty {
                out += "[]"
                return
            }
            out += "[" + newline
            for (i, value) in elements.enumerated() {
                out += pad
                value.write(into: &out, indent: indent, level: level + 1)
                out += (i + 1 < elements.count ? "," : "") + newline
            }
            out += closingPad + "]"
        case .string(let s): Self.writeString(s, into: &out)
        case .int(let v): out += String(v)
        case .bool(let v): out += v ? "true" : "false"
        case .null: out += "null"
        }
    }

    /// Appends `s` as a quoted JSON string. Escapes C0 and C1 controls, DEL, and the line and
    /// paragraph separators, so that no consumer sees raw control characters, and bidirectional
    /// controls, so that `cat report.json` cannot display text reordered. U+FEFF is escaped
    /// too: Foundation's JSONSerialization drops a raw one at the start of a string or after an
    /// escape, as if it were a byte order mark (found by the `document` fuzz target).
    public static func writeString(_ s: String, into out: inout String) {
        out += "\""
        // Most strings (paths, messages, Chinese text) hold nothing to escape: one append of
        // the whole string instead of one per scalar, which a report of thousands of findings
        // spent most of its time on.
        var plain = s
        if plain.withUTF8({ !needsEscape($0) }) {
            out += plain
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFEFF
                    || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
                {
                    let hex = String(v, radix: 16, uppercase: false)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// Whether any scalar of the UTF-8 `bytes` is one `writeString` escapes. Decides by the
    /// bytes that begin those scalars: ASCII controls, `"`, `\\`, DEL, C1 controls (C2 80–9F),
    /// U+061C (D8 9C), U+200E–200F, U+2028–202E, U+2066–2069 (E2 80/81 …), U+FEFF (EF BB BF).
    static func needsEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F { return true }
                i += 1
                continue
            }
            let next: UInt8 = i + 1 < n ? bytes[i + 1] : 0
            let third: UInt8 = i + 2 < n ? bytes[i + 2] : 0
            switch b {
            case 0xC2 where next >= 0x80 && next <= 0x9F: return true
            case 0xD8 where next == 0x9C: return true
            case 0xE2 where next == 0x80 && (third == 0x8E || third == 0x8F || (third >= 0xA8 && third <= 0xAE)): return true
            case 0xE2 where next == 0x81 && third >= 0xA6 && third <= 0xA9: return true
            case 0xEF where next == 0xBB && third == 0xBF: return true
            default: break
            }
            i += 1
        }
        return false
    }
}
