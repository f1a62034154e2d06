import ChaffData
import ChaffText

/// Finds words that mix scripts the way spoofed text does (UTS #39 section 5): `pаypal` with a
/// Cyrillic а, `Μicrosoft` with a Greek capital Mu.
///
/// # Words
/// A word is a maximal run of letters, marks and decimal digits (`WordCharacters`); a zero
/// width joiner or non-joiner between two such characters belongs to the word. Chinese and
/// Japanese are written without spaces, so a word can span a whole clause (`AI创新`).
///
/// # Which words are reported
/// The word's resolved script set is the intersection of its characters' Script_Extensions,
/// Common and Inherited counting as every script (digits, combining accents). A word is
/// reported when that set is empty and the word is not "Highly Restrictive", i.e. not covered
/// by Latin + Han + Hiragana + Katakana, Latin + Han + Bopomofo or Latin + Han + Hangul
/// (covered: every character's extensions meet the combination). So `iPhone`, `café`, `5kg`,
/// `3个`, `AI创新`, `東京タワー`, `한국語` and Greek or Russian words pass; `pаypal`, `Gооgle`,
/// `Μicrosoft`, `Москвa` are reported. Emoji are not word characters and never matter.
///
/// Two refinements apply to a word that fails this test, before it is reported:
/// - East Asian boundaries split it. Chinese, Japanese and Korean glue foreign words to their
///   own without a space, so where a Han, kana, Bopomofo or Hangul letter meets a letter of
///   another script (Latin included), a new word begins: `普京说Спасибо` and `α粒子` are two
///   words each and pass; `我用Аpple手机` reports `Аpple` alone. Neutral characters (digits,
///   marks) stay with the letters before them.
/// - Mathematical Greek letters (`isMathematicalGreek`: Δ, π, μ, Ω …, none of which looks like
///   a Latin letter) count as Common, so formulas and units pass: `Δt`, `2πr`, `5μm`, `10kΩ`.
///   Greek look-alikes (Α, Μ, Ο, ο, ρ, ν …) still count as Greek: `Μicrosoft` is reported.
/// The single pass only tests whole words; both refinements can only remove findings, so they
/// run on the rare words that fail it.
///
/// # Odd characters
/// The dominant script is the Script value most of the word's letters have (ties go to Latin,
/// then to the lower script code). The odd characters are the letters whose extensions do not
/// meet the dominant script or its allowed companions (for Latin and Han: Han, Latin, kana,
/// Bopomofo, Hangul; for kana, Bopomofo and Hangul: their Highly Restrictive combination);
/// when that leaves none (Han with both kana and Hangul), the letters whose extensions lack
/// the dominant script. Letters are those with Script_Extensions of their own, so a Common
/// letter used by a few scripts (U+0640 ARABIC TATWEEL) counts under the first of them.
///
/// # Skipped: URLs and e-mail addresses
/// Internationalised addresses mix scripts legitimately and are better checked by a link rule.
/// - URL: a run of ASCII letters and digits ending a word and directly followed by `://`, or
///   `www` (any case) ending a word and directly followed by `.`; what precedes the run in the
///   word (`访问` in `访问https://…`) is checked as a word. The skipped span runs to the first
///   ASCII space or control character, `"`, `'`, `<`, `>`, `` ` ``, or non-ASCII character
///   that is not a word character (so CJK punctuation ends it, Han letters do not).
/// - E-mail: a token (a run of word characters and `.` `_` `%` `+` `-` `@`) in which `@` is
///   preceded by token content and followed by a word character. The whole token is skipped.
///
/// # Cost
/// A first pass looks only for characters that can make a word reportable (`nextUnsafeCharacter`:
/// eight ASCII bytes per test, one byte-table read per other character), and the word-by-word
/// scan runs only on the stretch between ASCII spaces around each. In that scan ASCII letters
/// and digits cost a comparison; other BMP characters one read of a byte table
/// (`WordScriptClasses`), and set arithmetic only where the class changes inside a word;
/// supplementary characters a Script_Extensions lookup. Only reported words are read again.
package enum MixedScriptWords {
    /// Finds mixed-script words in `range` (default: all) of UTF-8 `text`, in text order.
    package static func find(
        in text: UnsafeBufferPointer<UInt8>, range: Range<Int>? = nil
    ) -> [MixedScriptWordFinding] {
        let scan = (range ?? 0..<text.count).clamped(to: 0..<text.count)
        // Only the stretches around a character that can make a word reportable are scanned
        // word by word. A stretch runs between ASCII spaces or control characters: no word,
        // token or skipped address crosses one, so the scan starts and ends there in the same
        // state as a scan of the whole text would.
        var findings: [MixedScriptWordFinding] = []
        var index = scan.lowerBound
        while let suspect = nextUnsafeCharacter(text, from: index, end: scan.upperBound) {
            var start = suspect
            while start > index && text[start - 1] > 0x20 { start -= 1 }
            var stop = suspect
            while stop < scan.upperBound && text[stop] > 0x20 { stop += 1 }
            var scanner = Scanner(text: text, end: stop)
            scanner.run(from: start)
            findings += scanner.findings
            index = stop
        }
        return findings
    }

    /// The first word character in `text[from..<end]` that can make a word mixed-script
    /// (`ScriptMixingCharacters`: its resolved set misses one of the three Highly Restrictive
    /// combinations).
    ///
    /// A word is reported only when no combination covers all its characters, so text whose
    /// letters are all Latin, Han or Common (most Chinese and English text) holds no reportable
    /// word, and this search, a test per eight ASCII bytes and a bit read per other character,
    /// spares it the word-by-word scan. The table is generated, so this costs nothing to load.
    static func nextUnsafeCharacter(_ text: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int? {
        let mixing = ScriptMixingCharacters.lookup
        let skipsCJK = mixing.clearOfCJK
        // A well-formed CJK ideograph (lead E4-E9) is never one: stepped over without decoding
        // it, a run of them in one loop (Chinese prose is mostly such runs).
        @inline(__always) func ideograph(at index: Int) -> Bool {
            index + 2 < end && text[index] &- 0xE4 < 6 && text[index + 1] & 0xC0 == 0x80 && text[index + 2] & 0xC0 == 0x80
        }
        var index = from
        while true {
            index = ASCIISkip.nextNonASCII(text, from: index, end: end)
            guard index < end else { return nil }
            if skipsCJK && ideograph(at: index) {
                repeat { index += 3 } while ideograph(at: index)
                continue
            }
            let (scalar, length) = UTF8ScalarDecoding.scalar(in: text, at: index, end: end)
            if mixing.contains(scalar) { return index }
            index += length
        }
    }

    /// `find(in:range:)` without the first pass: every word is scanned. The reference the
    /// stretch-by-stretch search must agree with.
    static func findScanningEveryWord(in text: UnsafeBufferPointer<UInt8>) -> [MixedScriptWordFinding] {
        var scanner = Scanner(text: text, end: text.count)
        scanner.run(from: 0)
        return scanner.findings
    }

    /// Finds mixed-script words in UTF-8 `text`, in text order.
    package static func find(in text: [UInt8]) -> [MixedScriptWordFinding] {
        text.withUnsafeBufferPointer { find(in: $0) }
    }

    // The Highly Restrictive combinations of UTS #39 section 5.2. Stored: building a set from
    // an array literal allocates, which costs far more than the one-time initialisation check.
    static let japaneseCombination: ScriptSet = [.latin, .han, .hiragana, .katakana]
    static let chineseCombination: ScriptSet = [.latin, .han, .bopomofo]
    static let koreanCombination: ScriptSet = [.latin, .han, .hangul]
    /// The East Asian scripts: where they meet other letters, a word is split in two.
    static let eastAsianWithoutLatin: ScriptSet = [.han, .hiragana, .katakana, .bopomofo, .hangul]
    /// Every script of the three combinations.
    static let eastAsianScripts: ScriptSet = [.latin, .han, .hiragana, .katakana, .bopomofo, .hangul]

    /// Greek letters that mathematics and units use beside Latin ones and that look like no
    /// Latin letter: `Δt`, `2πr`, `5μm`, `10kΩ`. UTS #39's confusables.txt maps none of them
    /// to an ASCII letter; ω, which it does not map either, is left out because it reads as
    /// `w`. Look-alikes such as Α, Μ, Ο, α, ο, ρ, ν and γ are not here.
    static func isMathematicalGreek(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x0393, 0x0394, 0x0398, 0x039B, 0x039E, 0x03A0, 0x03A3, 0x03A6, 0x03A8, 0x03A9:
            return true  // Γ Δ Θ Λ Ξ Π Σ Φ Ψ Ω
        case 0x03B4, 0x03B5, 0x03B8, 0x03BB, 0x03BC, 0x03BE, 0x03C0, 0x03C6, 0x03C8:
            return true  // δ ε θ λ μ ξ π φ ψ
        case 0x03D1, 0x03D5, 0x03F5, 0x2126:
            return true  // ϑ ϕ ϵ and OHM SIGN
        default:
            return false
        }
    }

    /// The scripts that may accompany `dominant` in a word, used to tell odd characters apart.
    static func companions(of dominant: UnicodeScript) -> ScriptSet {
        switch dominant {
        case .latin, .han: return eastAsianScripts
        case .hiragana, .katakana: return japaneseCombination
        case .bopomofo: return chineseCombination
        case .hangul: return koreanCombination
        default: return ScriptSet(dominant)
        }
    }
}

/// The single pass behind `MixedScriptWords.find`.
private struct Scanner {
    let text: UnsafeBufferPointer<UInt8>
    let end: Int
    var findings: [MixedScriptWordFinding] = []

    // Tables, copied once per scan so the loop reads them without lazy-initialisation checks.
    let scripts = ScriptTable.lookup
    let words = WordCharacters.lookup
    let classes = WordScriptClasses.shared

    // The current token: words joined by e-mail punctuation. Its findings are held back until
    // it ends, because an `@` late in the token turns it into an address.
    var inToken = false
    var sawAt = false
    var tokenIsEmail = false
    var tokenFindings: [MixedScriptWordFinding] = []

    // The current word: its resolved script set and the Highly Restrictive combinations that
    // still cover it. `lastClass` lets runs of same-class characters skip the set arithmetic.
    var wordStart = -1
    var wordIsASCII = true
    var resolved = ScriptSet.all
    var coverage =
        WordScriptClasses.coversJapanese | WordScriptClasses.coversChinese
        | WordScriptClasses.coversKorean
    var lastClass: UInt8 = 0

    init(text: UnsafeBufferPointer<UInt8>, end: Int) {
        self.text = text
        self.end = end
    }

    mutating func run(from start: Int) {
        // Locals, not properties: the optimizer keeps them in registers across the mutations.
        // The steps take them as arguments for the same reason.
        let text = self.text
        let end = self.end
        let classTable = classes.classes
        var index = start
        while index < end {
            let byte = text[index]
            if byte < 0x80 {
                index = asciiByte(byte, at: index)
                continue
            }
            index = nonASCIICharacter(at: index, text: text, end: end, classTable: classTable)
        }
        if wordStart >= 0 { _ = finishWord(at: end) }
        finishToken()
    }

    /// Reads the ASCII byte at `index`: a Latin letter or a digit in a word, or what ends the
    /// word (and, unless it is e-mail punctuation inside a token, the token); returns where the
    /// pass goes on.
    @inline(__always)
    private mutating func asciiByte(_ byte: UInt8, at index: Int) -> Int {
        let folded = byte | 0x20
        if folded &- 0x61 < 26 {  // ASCII letter: Latin
            startWordIfNeeded(at: index)
            apply(classes.latinClass)
            return index + 1
        }
        if byte &- 0x30 < 10 {  // ASCII digit: Common, constrains nothing
            startWordIfNeeded(at: index)
            return index + 1
        }
        if wordStart >= 0, let resume = finishWord(at: index) { return resume }
        if inToken, Self.isEmailPunctuation(byte) {
            if byte == UInt8(ascii: "@") { sawAt = true }
            return index + 1
        }
        finishToken()
        return index + 1
    }

    /// Reads the character at `index`, whose first byte is not ASCII: a word character, a
    /// joiner inside a word, or what ends the word and the token; returns where the pass goes on.
    @inline(__always)
    private mutating func nonASCIICharacter(
        at index: Int, text: UnsafeBufferPointer<UInt8>, end: Int, classTable: UnsafeBufferPointer<UInt8>
    ) -> Int {
        let (scalar, length) = UTF8ScalarDecoding.scalar(in: text, at: index, end: end)
        if scalar < 0x10000 {
            let characterClass = classTable[Int(scalar)]
            if characterClass != 0 {
                startWordIfNeeded(at: index)
                wordIsASCII = false
                apply(characterClass)
                return index + length
            }
        } else if words.isWordCharacter(scalar) {
            startWordIfNeeded(at: index)
            wordIsASCII = false
            let extensions = scripts.resolvedExtensions(of: scalar)
            resolved.formIntersection(extensions)
            coverage &= WordScriptClasses.coverage(of: extensions)
            lastClass = 0
            return index + length
        }
        if wordStart >= 0 && WordCharacters.isJoiner(scalar)
            && wordCharacterStarts(at: index + length)
        {
            // Joiners are Inherited: inside a word they constrain nothing.
            return index + length
        }
        if wordStart >= 0, let resume = finishWord(at: index) { return resume }
        finishToken()
        return index + length
    }

    @inline(__always)
    private mutating func apply(_ characterClass: UInt8) {
        guard characterClass != lastClass else { return }
        lastClass = characterClass
        resolved.formIntersection(classes.sets[Int(characterClass)])
        coverage &= classes.coverage[Int(characterClass)]
    }

    @inline(__always)
    private mutating func startWordIfNeeded(at index: Int) {
        guard wordStart < 0 else { return }
        wordStart = index
        wordIsASCII = true
        resolved = ScriptSet.all
        coverage =
            WordScriptClasses.coversJapanese | WordScriptClasses.coversChinese
            | WordScriptClasses.coversKorean
        lastClass = 0
        inToken = true
        if sawAt { tokenIsEmail = true }
    }

    /// Ends the word before `index`; returns where to resume when a URL was skipped.
    private mutating func finishWord(at index: Int) -> Int? {
        let start = wordStart
        wordStart = -1
        if let scheme = Self.urlStart(text, end, wordStart: start, wordEnd: index) {
            // Chinese text often glues the address to the words before it (访问https://…):
            // what precedes the scheme is still a word of its own.
            if scheme > start { tokenFindings.append(contentsOf: examine(start..<scheme)) }
            finishToken()
            return urlEnd(from: index)
        }
        // Words of ASCII letters and digits are Latin or Common: a single script.
        if !wordIsASCII && resolved.isEmpty && coverage == 0 {
            tokenFindings.append(contentsOf: examine(start..<index))
        }
        return nil
    }

    private mutating func finishToken() {
        if !tokenFindings.isEmpty {
            if !tokenIsEmail { findings.append(contentsOf: tokenFindings) }
            tokenFindings.removeAll(keepingCapacity: true)
        }
        inToken = false
        sawAt = false
        tokenIsEmail = false
    }

    /// Where a URL begins when the word ending at `index` ends in a scheme followed by `://`
    /// or in `www` followed by `.`; the scheme is the word's trailing run of ASCII letters and
    /// digits.
    // Static so that calling it from the mutating scan does not copy the whole scanner.
    private static func urlStart(
        _ text: UnsafeBufferPointer<UInt8>, _ end: Int, wordStart start: Int, wordEnd index: Int
    ) -> Int? {
        guard index < end else { return nil }
        let next = text[index]
        guard next == UInt8(ascii: ":") || next == UInt8(ascii: ".") else { return nil }
        var scheme = index
        while scheme > start, Self.isASCIIAlphanumeric(text[scheme - 1]) { scheme -= 1 }
        guard scheme < index else { return nil }
        if next == UInt8(ascii: ":") {
            let slashes =
                index + 2 < end && text[index + 1] == UInt8(ascii: "/")
                && text[index + 2] == UInt8(ascii: "/")
            return slashes ? scheme : nil
        }
        let isWWW =
            index - scheme == 3 && text[scheme] | 0x20 == UInt8(ascii: "w")
            && text[scheme + 1] | 0x20 == UInt8(ascii: "w")
            && text[scheme + 2] | 0x20 == UInt8(ascii: "w")
        return isWWW ? scheme : nil
    }

    @inline(__always)
    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
    }

    private func urlEnd(from start: Int) -> Int {
        var index = start
        while index < end {
            let byte = text[index]
            if byte < 0x80 {
                switch byte {
                case 0...0x20, 0x7F, UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "<"),
                    UInt8(ascii: ">"), UInt8(ascii: "`"):
                    return index
                default:
                    index += 1
                    continue
                }
            }
            let (scalar, length) = UTF8ScalarDecoding.scalar(in: text, at: index, end: end)
            guard words.isWordCharacter(scalar) || WordCharacters.isJoiner(scalar) else {
                return index
            }
            index += length
        }
        return index
    }

    private func wordCharacterStarts(at index: Int) -> Bool {
        guard index < end else { return false }
        return words.isWordCharacter(
            UTF8ScalarDecoding.scalar(in: text, at: index, end: end).value)
    }

    private static func isEmailPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "%"), UInt8(ascii: "+"),
            UInt8(ascii: "-"), UInt8(ascii: "@"):
            return true
        default:
            return false
        }
    }

    /// Reads a word that failed the single-pass test again: splits it where East Asian
    /// letters meet other letters, applies the test to each part with the mathematical Greek
    /// letters neutral, and describes the parts that still mix scripts.
    private func examine(_ word: Range<Int>) -> [MixedScriptWordFinding] {
        var letters: [WordLetter] = []
        letters.reserveCapacity(word.count / 2)
        let eastAsian = MixedScriptWords.eastAsianWithoutLatin
        var index = word.lowerBound
        while index < word.upperBound {
            let (scalar, length) = UTF8ScalarDecoding.scalar(
                in: text, at: index, end: word.upperBound)
            let extensions =
                MixedScriptWords.isMathematicalGreek(scalar)
                ? ScriptSet.all : scripts.resolvedExtensions(of: scalar)
            letters.append(
                WordLetter(
                    range: index..<(index + length), scalar: scalar,
                    script: scripts.script(of: scalar), extensions: extensions))
            index += length
        }
        var found: [MixedScriptWordFinding] = []
        var partStart = 0
        var side = WordLetter.Side.neutral
        for (position, letter) in letters.enumerated() {
            let letterSide = letter.side(eastAsian: eastAsian)
            guard letterSide != .neutral else { continue }
            if side != .neutral && letterSide != side {
                if let finding = Self.describe(letters[partStart..<position]) {
                    found.append(finding)
                }
                partStart = position
            }
            side = letterSide
        }
        if let finding = Self.describe(letters[partStart...]) { found.append(finding) }
        return found
    }

    /// One to four capital Latin letters followed by one or two of α, β, γ (`Hα`, `Kα`, `Aβ`, `TNFα`,
    /// `IFNγ`, a font button's `Aα`): a name in science's notation, or a sample of two
    /// alphabets. It cannot pass for a Latin word: a spoof replaces the small letters of one,
    /// and these three after capitals read as none (unlike ο or ν: `Nο`, `Iν`).
    private static func isLetterNotation(_ part: ArraySlice<WordLetter>) -> Bool {
        var capitals = 0
        var greek = 0
        for letter in part {
            if greek == 0, (0x41...0x5A).contains(letter.scalar) {
                capitals += 1
            } else if (0x03B1...0x03B3).contains(letter.scalar) {
                greek += 1
            } else {
                return false
            }
        }
        return (1...4).contains(capitals) && (1...2).contains(greek)
    }

    /// The finding for a part of a word, or nil when its letters fit together: the UTS #39
    /// test, then the dominant script and the odd characters.
    private static func describe(_ part: ArraySlice<WordLetter>) -> MixedScriptWordFinding? {
        if isLetterNotation(part) { return nil }
        var resolved = ScriptSet.all
        var coverage =
            WordScriptClasses.coversJapanese | WordScriptClasses.coversChinese
            | WordScriptClasses.coversKorean
        for letter in part {
            resolved.formIntersection(letter.extensions)
            coverage &= WordScriptClasses.coverage(of: letter.extensions)
        }
        guard resolved.isEmpty && coverage == 0 else { return nil }

        // Letters that constrain the word: Common and Inherited ones with explicit extensions
        // (U+0640 ARABIC TATWEEL) count under the first script they are used with.
        let constraining = part.filter { $0.extensions != ScriptSet.all }
        var counts = [Int](repeating: 0, count: UnicodeScript.count)
        var letterScripts = ScriptSet()
        for letter in constraining {
            counts[Int(letter.reportedScript.rawValue)] += 1
            letterScripts.insert(letter.reportedScript)
        }
        let highest = counts.max() ?? 0
        let dominant =
            counts[Int(UnicodeScript.latin.rawValue)] == highest
            ? UnicodeScript.latin
            : UnicodeScript(rawValue: UInt8(counts.firstIndex(of: highest)!))

        let companions = MixedScriptWords.companions(of: dominant)
        var odd = constraining.filter { !$0.extensions.intersects(companions) }
        if odd.isEmpty {
            // Every letter is acceptable next to the dominant script, yet not all together
            // (Han with both kana and Hangul): report what is foreign to the dominant one.
            odd = constraining.filter { !$0.extensions.contains(dominant) }
        }
        return MixedScriptWordFinding(
            range: part.first!.range.lowerBound..<part.last!.range.upperBound,
            dominantScript: dominant, scripts: letterScripts,
            oddCharacters: odd.map {
                MixedScriptOddCharacter(range: $0.range, scalar: $0.scalar, script: $0.reportedScript)
            })
    }
}

/// One character of a word being examined.
private struct WordLetter {
    /// Which side of an East Asian boundary a character stands on.
    enum Side {
        /// Han, kana, Bopomofo or Hangul.
        case eastAsian
        /// Any other script.
        case other
        /// Digits, marks, joiners and the other characters used with every script.
        case neutral
    }

    let range: Range<Int>
    let scalar: UInt32
    let script: UnicodeScript
    /// Resolved Script_Extensions; `ScriptSet.all` for mathematical Greek letters.
    let extensions: ScriptSet

    func side(eastAsian: ScriptSet) -> Side {
        if extensions == ScriptSet.all { return .neutral }
        if !extensions.intersects(eastAsian) { return .other }
        return extensions.isSubset(of: eastAsian) ? .eastAsian : .neutral
    }

    /// The script named in messages: the Script value, or for a Common or Inherited character
    /// with explicit extensions the first of those.
    var reportedScript: UnicodeScript {
        script.isCommonOrInherited ? (extensions.scripts.first ?? script) : script
    }
}
