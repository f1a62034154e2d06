import ChaffEngine
import ChaffKinds
import ChaffText

/// The output records of `chaff stream`, one JSON object per line, in the input's order:
///
///     {"id":…,"findings":[{"rule","severity","message","byteStart","byteEnd","charStart",
///      "charEnd","match","fix" (only when offered)}],"signals":{"characters","perThousand":{family: rate},
///      "hanCharacters","traditionalShare","glossDensity"}, …the input's other members}
///     {"id":… or null,"error":{"line","column","message"}}
///
/// Offsets are into the document's text: bytes of its UTF-8, and Unicode code points (what
/// Python's `str` indexes and dolma's taggers use), end exclusive.
enum StreamOutput {
    /// The record for a tagged document. `families` are the rule families of the run, each
    /// given a rate even when zero, so every record has the same fields.
    static func record(_ document: StreamDocument, diagnostics: [Diagnostic], signals: DocumentSignals, families: [String]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + document.passThrough.count + diagnostics.count * 256)
        JSONBytes.append("{\"id\":", to: &out)
        out += document.id
        JSONBytes.append(",\"findings\":[", to: &out)
        let characters = CodePointOffsets(text: document.text, offsets: diagnostics.flatMap { [$0.range.lowerBound, $0.range.upperBound] })
        var counts = [Int](repeating: 0, count: families.count)
        for (i, d) in diagnostics.enumerated() {
            JSONBytes.append(i > 0 ? ",{\"rule\":" : "{\"rule\":", to: &out)
            JSONBytes.appendString(d.ruleID, to: &out)
            JSONBytes.append(",\"severity\":", to: &out)
            JSONBytes.appendString(d.severity.rawValue, to: &out)
            JSONBytes.append(",\"message\":", to: &out)
            JSONBytes.appendString(d.message, to: &out)
            JSONBytes.append(",\"byteStart\":", to: &out)
            JSONBytes.append(d.range.lowerBound, to: &out)
            JSONBytes.append(",\"byteEnd\":", to: &out)
            JSONBytes.append(d.range.upperBound, to: &out)
            JSONBytes.append(",\"charStart\":", to: &out)
            JSONBytes.append(characters[d.range.lowerBound], to: &out)
            JSONBytes.append(",\"charEnd\":", to: &out)
            JSONBytes.append(characters[d.range.upperBound], to: &out)
            JSONBytes.append(",\"match\":", to: &out)
            JSONBytes.appendString(d.matchedText, to: &out)
            if let fix = d.fix {
                JSONBytes.append(",\"fix\":", to: &out)
                JSONBytes.appendString(fix, to: &out)
            }
            out.append(UInt8(ascii: "}"))
            if let family = families.firstIndex(of: family(of: d.ruleID)) { counts[family] += 1 }
        }
        JSONBytes.append("],\"signals\":{\"characters\":", to: &out)
        JSONBytes.append(signals.characters, to: &out)
        JSONBytes.append(",\"perThousand\":{", to: &out)
        for (i, family) in families.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONBytes.appendString(family, to: &out)
            let rate = signals.characters == 0 ? 0 : Double(counts[i]) * 1000 / Double(signals.characters)
            out.append(UInt8(ascii: ":"))
            out += decimal(rate).utf8
        }
        JSONBytes.append("},\"hanCharacters\":", to: &out)
        JSONBytes.append(signals.hanCharacters, to: &out)
        JSONBytes.append(",\"traditionalShare\":", to: &out)
        out += (signals.traditionalShare.map(decimal) ?? "null").utf8
        JSONBytes.append(",\"glossDensity\":", to: &out)
        out += (signals.glossDensity.map(decimal) ?? "null").utf8
        out.append(UInt8(ascii: "}"))
        out += document.passThrough
        JSONBytes.append("}\n", to: &out)
        return out
    }

    /// The record for a line that is not a document (`line` is 1-based).
    static func error(line: Int, _ error: StreamRecordError) -> [UInt8] {
        var out: [UInt8] = []
        JSONBytes.append("{\"id\":", to: &out)
        if let id = error.id { out += id } else { JSONBytes.append("null", to: &out) }
        JSONBytes.append(",\"error\":{\"line\":", to: &out)
        JSONBytes.append(line, to: &out)
        JSONBytes.append(",\"column\":", to: &out)
        JSONBytes.append(error.column, to: &out)
        JSONBytes.append(",\"message\":", to: &out)
        JSONBytes.appendString(error.message, to: &out)
        JSONBytes.append("}}\n", to: &out)
        return out
    }

    /// A rule's family: its id up to the first `-` (`placeholder` for `placeholder-spintax`),
    /// the same prefix `--select` takes.
    static func family(of ruleID: String) -> String {
        guard let dash = ruleID.firstIndex(of: "-") else { return ruleID }
        return String(ruleID[..<dash])
    }

    /// The families of `ruleIDs`, sorted, each once.
    static func families(_ ruleIDs: [String]) -> [String] {
        Array(Set(ruleIDs.map(family(of:)))).sorted()
    }

    /// `value` rounded to four decimals, always with a decimal point (`0.0`, `2.5`, `0.3333`),
    /// so that a reader typing the field from the first record types it as a float.
    static func decimal(_ value: Double) -> String {
        let scaled = Int((value * 10_000).rounded())
        let whole = scaled / 10_000
        var fraction = String(scaled % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.count > 1 && fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(whole).\(fraction)"
    }
}

/// Byte offsets of one text turned into code point offsets in one pass over the text.
struct CodePointOffsets {
    private var table: [Int: Int] = [:]

    /// The code point offsets of `offsets` (byte offsets at scalar boundaries of `text`, in any order).
    init(text: [UInt8], offsets: [Int]) {
        guard !offsets.isEmpty else { return }
        let wanted = Array(Set(offsets)).sorted()
        var scalars = 0
        var byte = 0
        for offset in wanted {
            while byte < offset && byte < text.count {
                if text[byte] & 0xC0 != 0x80 { scalars += 1 }
                byte += 1
            }
            table[offset] = scalars
        }
    }

    /// The code point offset of byte offset `offset`, which must have been given.
    subscript(_ offset: Int) -> Int { table[offset] ?? 0 }
}
