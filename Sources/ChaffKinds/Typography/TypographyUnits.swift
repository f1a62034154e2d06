import ChaffEngine

/// Spacing between a number and its unit on Chinese lines: `10 GB`, `3.5 cm`, `100 Mbps`
/// (the copywriting guidelines set a space, zhlint's option decides), and never inside `50%`,
/// `30°`, `25℃`.
enum TypographyUnits {
    /// Units of measure written after a number. Only units of two letters or more: a single
    /// letter after a number is as often a name (`3D`, `4K`, `5G`, `2B`) as a unit.
    static let units: Set<String> = [
        "KB", "kB", "MB", "GB", "TB", "PB", "EB", "KiB", "MiB", "GiB", "TiB", "PiB", "Kb", "Mb", "Gb", "Tb", "bit", "bits", "kbit",
        "Mbit", "Gbit", "bps", "kbps", "Kbps", "Mbps", "Gbps", "Hz", "kHz", "KHz", "MHz", "GHz", "THz", "mm", "cm", "km", "nm", "μm",
        "kg", "mg", "ms", "μs", "ns", "min", "kW", "KW", "mW", "MW", "mV", "kV", "mA", "mAh", "Ah", "mL", "ml", "px", "pt", "dpi",
        "ppi", "fps", "rpm", "dB",
    ]

    /// Each number followed by a unit of `units` on a line holding Han: with `always` a
    /// missing space is inserted, with `never` a space is removed, and `consistent` follows
    /// the document's majority (a tie reports nothing). A space between a number and `%`,
    /// `‰`, `°`, `℃` or `℉` is removed in every mode.
    static func findings(_ text: TypographyText, mode: SpacingMode) -> [Finding] {
        var boundaries: [(range: Range<Int>, spaced: Bool)] = []
        var findings: [Finding] = []
        for index in text.lines.indices where text.holds(index, [.han, .word]) {
            let items = text.lines[index]
            var i = 0
            while i < items.count {
                guard startsNumber(items, i) else {
                    i += 1
                    continue
                }
                var j = i + 1
                while j < items.count && items[j].kind == .character {
                    let v = items[j].scalar
                    if TypographyCharacters.isDigit(v) {
                        j += 1
                    } else if (v == 0x2E || v == 0x2C) && j + 1 < items.count && isDigit(items[j + 1]) {
                        j += 2
                    } else {
                        break
                    }
                }
                let spaced = j < items.count && items[j].kind == .space
                let k = spaced ? j + 1 : j
                if k < items.count, items[k].kind == .character, isSign(items[k].scalar) {
                    if spaced { findings.append(Finding(range: items[j].range, arguments: TypographyArguments.noSpace, fix: "")) }
                } else if let end = unitEnd(items, k) {
                    boundaries.append((spaced ? items[j].range : items[k].range.lowerBound..<items[k].range.lowerBound, spaced))
                    j = end
                }
                i = j
            }
        }
        var wantSpace = mode != .never
        if mode == .consistent {
            var counts: [Bool: Int] = [:]
            for b in boundaries { counts[b.spaced, default: 0] += 1 }
            guard let winner = TypographyMajority.winner(counts) else { return findings }
            wantSpace = winner
        }
        for b in boundaries where b.spaced != wantSpace {
            findings.append(
                Finding(
                    range: b.range, arguments: wantSpace ? TypographyArguments.aSpace : TypographyArguments.noSpace,
                    fix: wantSpace ? " " : ""))
        }
        findings.sort { $0.range.lowerBound < $1.range.lowerBound }
        return findings
    }

    /// Whether a number starts at `i`: a digit not inside a word, a version or a path
    /// (`x86`, `v1.2`, `a_1`, `/2`).
    private static func startsNumber(_ items: TypographyItems, _ i: Int) -> Bool {
        guard isDigit(items[i]) else { return false }
        guard i > 0 else { return true }
        let previous = items[i - 1]
        if previous.kind == .atom { return false }
        guard previous.kind == .character else { return true }
        let v = previous.scalar
        return !(TypographyCharacters.isWordCharacter(v) || v == 0x2E || v == 0x5F || v == 0x2F || v == 0x5C || v == 0xB5)
    }

    /// The end of a unit of `units` starting at `k`, when a whole word is one.
    private static func unitEnd(_ items: TypographyItems, _ k: Int) -> Int? {
        var end = k
        var word = ""
        while end < items.count && items[end].kind == .character
            && (TypographyCharacters.isAlphabetic(items[end].scalar) || items[end].scalar == 0x3BC)
        {
            word.unicodeScalars.append(Unicode.Scalar(items[end].scalar)!)
            end += 1
            if word.unicodeScalars.count > 4 { return nil }
        }
        if end < items.count && items[end].kind == .character && TypographyCharacters.isDigit(items[end].scalar) { return nil }
        return units.contains(word) ? end : nil
    }

    @inline(__always) private static func isDigit(_ item: TypographyItem) -> Bool {
        item.kind == .character && TypographyCharacters.isDigit(item.scalar)
    }

    /// `%`, `‰`, `°`, `℃`, `℉`: signs written against the number.
    @inline(__always) private static func isSign(_ v: UInt32) -> Bool {
        v == 0x25 || v == 0x2030 || v == 0xB0 || v == 0x2103 || v == 0x2109
    }
}
