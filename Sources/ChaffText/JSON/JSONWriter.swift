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
        String(decoding: serializedBytes(indent: indent), as: UTF8.self)
    }

    /// The serialised text as UTF-8 bytes; `indent` > 0 pretty-prints.
    public func serializedBytes(indent: Int = 0) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(into: &out, indent: indent, level: 0)
        return out
    }

    private func write(into out: inout [UInt8], indent: Int, level: Int) {
        switch self {
        case .object(let members):
            if members.isEmpty {
                JSONBytes.append("{}", to: &out)
                return
            }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in members.enumerated() {
                if indent > 0 {
                    out.append(0x0A)
                    JSONBytes.appendSpaces(indent * (level + 1), to: &out)
                }
                JSONBytes.appendString(key, to: &out)
                JSONBytes.append(indent > 0 ? ": " : ":", to: &out)
                value.write(into: &out, indent: indent, level: level + 1)
                if i + 1 < members.count { out.append(UInt8(ascii: ",")) }
            }
            if indent > 0 {
                out.append(0x0A)
                JSONBytes.appendSpaces(indent * level, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .array(let elements):
            if elements.isEmpty {
                JSONBytes.append("[]", to: &out)
                return
            }
            out.append(UInt8(ascii: "["))
            for (i, value) in elements.enumerated() {
                if indent > 0 {
                    out.append(0x0A)
                    JSONBytes.appendSpaces(indent * (level + 1), to: &out)
                }
                value.write(into: &out, indent: indent, level: level + 1)
                if i + 1 < elements.count { out.append(UInt8(ascii: ",")) }
            }
            if indent > 0 {
                out.append(0x0A)
                JSONBytes.appendSpaces(indent * level, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .string(let s): JSONBytes.appendString(s, to: &out)
        case .int(let v): JSONBytes.append(v, to: &out)
        case .bool(let v): JSONBytes.append(v ? "true" : "false", to: &out)
        case .null: JSONBytes.append("null", to: &out)
        }
    }
}
