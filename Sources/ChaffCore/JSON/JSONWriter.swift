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
}
