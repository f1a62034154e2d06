import ChaffCore

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
    static func record(_ document: StreamDocument, diagnostics: [Diagnostic], signals: DocumentSignals, families: [String]) -> String {
        var out = "{\"id\":"
        out += String(decoding: document.id, as: UTF8.self)
        out += ",\"findings\":["
        let characters = CodePointOffsets(text: document.text, offsets: diagnostics.flatMap { [$0.range.lowerBound, $0.range.upperBound] })
        var counts = [Int](repeating: 0, count: families.count)
        for (i, d) in diagnostics.enumerated() {
            if i > 0 { out += "," }
            out += "{\"rule\":"
            JSONOutput.writeString(d.ruleID, into: &out)
            out += ",\"severity\":\"" + d.severity.rawValue + "\",\"message\":"
            JSONOutput.writeString(d.message, into: &out)
            out += ",\"byteStart\":\(d.range.lowerBound),\"byteEnd\":\(d.range.upperBound)"
            out += ",\"charStart\":\(characters[d.range.lowerBound]),\"charEnd\":\(characters[d.range.upperBound]),\"match\":"
            JSONOutput.writeString(d.matchedText, into: &out)
            if let fix = d.fix {
                out += ",\"fix\":"
                JSONOutput.writeString(fix, into: &out)
            }
            out += "}"
            if let family = families.firstIndex(of: family(of: d.ruleID)) { counts[family] += 1 }
        }
        out += "],\"signals\":{\"characters\":\(signals.characters),\"perThousand\":{"
        for (i, family) in families.enumerated() {
            if i > 0 { out += "," }
            JSONOutput.writeString(family, into: &out)
            let rate = signals.characters == 0 ? 0 : Double(counts[i]) * 1000 / Double(signals.characters)
            out += ":" + decimal(rate)
        }
        out += "},\"hanCharacters\":\(signals.hanCharacters),\"traditionalShare\":"
        out += signals.traditionalShare.map(decimal) ?? "null"
        out += ",\"glossDensity\":"
        out += signals.glossDensity.map(decimal) ?? "null"
        out += "}"
        out += String(decoding: document.passThrough, as: UTF8.self)
        out += "}\n"
        return out
    }

    /// The record for a line that is not a document (`line` is 1-based).
    static func error(line: Int, _ error: StreamRecordError) -> String {
        var out = "{\"id\":"
        out += error.id.map { String(decoding: $0, as: UTF8.self) } ?? "null"
        out += ",\"error\":{\"line\":\(line),\"column\":\(error.column),\"message\":"
        JSONOutput.writeString(error.message, into: &out)
        out += "}}\n"
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
