import ChaffData
import Testing

@testable import ChaffKinds

@Suite struct MixedScriptWordsTests {
    private func find(_ text: String) -> [MixedScriptWordFinding] {
        MixedScriptWords.find(in: Array(text.utf8))
    }

    @Test func cyrillicLetterInLatinWord() {
        let findings = find("Pay with pаypal today")
        #expect(
            findings == [
                MixedScriptWordFinding(
                    range: 9..<16, dominantScript: .latin, scripts: [.latin, .cyrillic],
                    oddCharacters: [
                        MixedScriptOddCharacter(
                            range: 10..<12, scalar: 0x0430,
                            script: .cyrillic)
                    ])
            ])
    }

    @Test func severalOddLettersAndGreekCapital() {
        let google = find("Gооgle")
        #expect(google.map(\.range) == [0..<8])
        #expect(google.first?.oddCharacters.map(\.range) == [1..<3, 3..<5])
        #expect(google.first?.oddCharacters.map(\.scalar) == [0x043E, 0x043E])

        let microsoft = find("by Μicrosoft.")
        #expect(microsoft.map(\.range) == [3..<13])
        #expect(microsoft.first?.oddCharacters.map(\.scalar) == [0x039C])
        #expect(microsoft.first?.oddCharacters.map(\.script) == [.greek])
    }

    @Test func latinLetterInCyrillicWord() {
        let findings = find("Москвa")
        #expect(findings.first?.dominantScript == .cyrillic)
        #expect(findings.first?.oddCharacters.map(\.range) == [10..<11])
        #expect(findings.first?.oddCharacters.map(\.script) == [.latin])
    }

    @Test func spoofedWordInsideChineseRun() {
        let fixture = MarkedFixture("我用⟦Аpple⟧手机")
        let findings = MixedScriptWords.find(in: fixture.bytes)
        // The Han letters around it are words of their own: only `Аpple` is reported.
        #expect(findings.map(\.range) == fixture.marked)
        #expect(fixture.marked == [6..<12])
        #expect(findings.first?.dominantScript == .latin)
        #expect(findings.first?.oddCharacters.map(\.range) == [6..<8])
        #expect(findings.first?.scripts == [.cyrillic, .latin])
    }

    @Test func eastAsianBoundariesSplitWords() {
        // Foreign words glued to Chinese, Japanese or Korean ones without a space.
        for text in ["普京说Спасибо。", "α粒子和β射线", "Москва的地铁", "데이터Данные"] {
            #expect(find(text).isEmpty, "\(text)")
        }
        // A run of kana and Hangul is still one word, and still reported.
        let fixture = MarkedFixture("abc⟦かな한⟧")
        let findings = MixedScriptWords.find(in: fixture.bytes)
        #expect(findings.map(\.range) == fixture.marked)
        #expect(findings.first?.dominantScript == .hiragana)
        #expect(findings.first?.oddCharacters.map(\.range) == [9..<12])
        // Neutral characters stay with the letters before them.
        let digits = MarkedFixture("数据⟦Gооgle2024⟧年")
        #expect(MixedScriptWords.find(in: digits.bytes).map(\.range) == digits.marked)
    }

    @Test func legitimateWordsPass() {
        let texts = [
            "iPhone", "AI创新", "café", "cafe\u{301}", "5kg", "3个", "Ελληνικά κείμενα εδώ.",
            "Русский текст, без ошибок.", "😀👍🏽 👨‍👩‍👧 1️⃣", "東京タワーへ行きます", "한국語를 배워요",
            "ㄅㄆㄇ注音符號", "Unicode 15.0 和 GPT-4o 的对比", "naïve coöperation", "ǅemal",
            "नमस्ते दुनिया", "क्‍ष", "pay\u{200D}pal", "Straße", "ＡＩ创新", "x²", "Ⅻ世纪",
        ]
        for text in texts {
            #expect(find(text).isEmpty, "\(text)")
        }
    }

    @Test func mathematicalGreekIsNeutral() {
        for text in [
            "10µm", "10μm", "5 μSv", "10kΩ", "4.7k\u{2126}", "Δt", "2πr", "ΔH",
            "θmax", "λ0", "εr", "φ10mm",
        ] {
            #expect(find(text).isEmpty, "\(text)")
        }
        // Look-alikes are not neutral: GREEK CAPITAL LETTER MU, GREEK SMALL LETTER OMICRON.
        #expect(find("Μicrosoft").map(\.range) == [0..<10])
        #expect(find("Δtο").first?.oddCharacters.map(\.scalar) == [0x03BF])
        // A Greek word keeps its own letters: the Latin A is the odd one.
        let athens = find("Aθήνα")
        #expect(athens.first?.dominantScript == .greek)
        #expect(athens.first?.oddCharacters.map(\.range) == [0..<1])
    }

    @Test func capitalsWithAlphaBetaGammaAreNotation() {
        for text in ["Hα", "Kα", "Aβ", "TNFα", "IFNγ", "Aα"] {
            #expect(find(text).isEmpty, "\(text)")
        }
        // Look-alikes that make a word after a capital (Nο: No), small Latin letters before the
        // Greek (Pizzα), and more capitals than notation uses are still reported.
        #expect(find("Nο").map(\.range) == [0..<3])
        #expect(find("Pizzα").map(\.range) == [0..<6])
        #expect(find("PAYPALα").map(\.range) == [0..<8])
    }

    @Test func commonLetterWithExtensionsIsNamed() {
        // U+0640 ARABIC TATWEEL is Common but used only with some scripts, Latin not among them.
        let findings = find("ab\u{0640}c")
        #expect(findings.map(\.range) == [0..<5])
        #expect(findings.first?.oddCharacters.map(\.range) == [2..<4])
        let script = findings.first?.oddCharacters.first?.script
        #expect(script.map { ScriptTable.extensions(of: 0x0640).contains($0) } == true)
    }

    @Test func disallowedEastAsianCombination() {
        let findings = find("ひらがな한글")
        #expect(findings.map(\.range) == [0..<18])
        #expect(findings.first?.dominantScript == .hiragana)
        #expect(findings.first?.oddCharacters.map(\.range) == [12..<15, 15..<18])

        // Han with kana and Hangul: every letter is a companion of Han, so the odd ones are
        // those that are not Han.
        let han = find("漢字漢字かな한")
        #expect(han.first?.dominantScript == .han)
        #expect(han.first?.oddCharacters.map(\.range) == [12..<15, 15..<18, 18..<21])

        // Kana with Hangul inside a Latin word: the Latin letters split off, the rest is
        // reported as above.
        let latin = find("abcdeかな한")
        #expect(latin.map(\.range) == [5..<14])
        #expect(latin.first?.dominantScript == .hiragana)
        #expect(latin.first?.oddCharacters.map(\.range) == [11..<14])
    }

    @Test func joinersStayInsideWords() {
        let findings = find("x pа\u{200D}ypal y")
        #expect(findings.map(\.range) == [2..<12])
        #expect(findings.first?.oddCharacters.map(\.range) == [3..<5])
        // A trailing joiner is not part of the word.
        #expect(find("pаypal\u{200D} ok").map(\.range) == [0..<7])
    }

    @Test func urlsAndEmailAddressesAreSkipped() {
        #expect(find("visit https://gооgle.com/pаth?q=1 now").isEmpty)
        #expect(find("see WWW.pаypal.com").isEmpty)
        #expect(find("write to jоhn.smith@exаmple.com today").isEmpty)
        #expect(find("mailto:pаy@example.com").isEmpty)
        #expect(find("访问https://例子.测试/pаth了解更多").isEmpty)
        #expect(find("请访问www.pаypal.com").isEmpty)
        #expect(find("awww.pаypal.com").count == 1)  // `www` must be the whole run
        // The words glued before a scheme are still checked.
        let glued = MarkedFixture("用⟦Аpple⟧看https://x.com")
        #expect(MixedScriptWords.find(in: glued.bytes).map(\.range) == glued.marked)

        // Checking resumes after the address ends.
        let after = MarkedFixture("https://x.com/a ⟦pаypal⟧ and a@b.c, ⟦Gоogle⟧")
        #expect(MixedScriptWords.find(in: after.bytes).map(\.range) == after.marked)
        // CJK punctuation ends a URL.
        let cjk = MarkedFixture("见https://x.com/路径，⟦Аpple⟧")
        #expect(MixedScriptWords.find(in: cjk.bytes).map(\.range) == cjk.marked)
    }

    @Test func domainsWithoutSchemeAndNonAddressAtSignsAreChecked() {
        let fixture = MarkedFixture("⟦pаypal⟧.com, @⟦Gоogle⟧ and ⟦pаypal⟧@ end")
        #expect(MixedScriptWords.find(in: fixture.bytes).map(\.range) == fixture.marked)
    }

    @Test func scanRangeLimitsTheSearch() {
        let text = Array("pаypal and Gоogle".utf8)
        let findings = text.withUnsafeBufferPointer {
            MixedScriptWords.find(in: $0, range: 8..<text.count)
        }
        #expect(findings.map(\.range) == [12..<19])
    }

    @Test func multilingualDocument() {
        let fixture = MarkedFixture(
            """
            The café in Αθήνα sells ⟦Сoca⟧-Cola; 我们在iPhone上用AI创新。
            Москва — столица России. 東京タワーは高い。한국어 텍스트.
            Contact: support@exаmple.org or https://exаmple.org/路径 — ⟦Μicrosoft⟧ Office.
            """)
        let findings = MixedScriptWords.find(in: fixture.bytes)
        #expect(findings.map(\.range) == fixture.marked)
        #expect(findings.map(\.dominantScript) == [.latin, .latin])
    }

    @Test func supplementaryLetters() {
        // U+10300 OLD ITALIC LETTER A takes the slow path for code points above the BMP.
        let findings = find("pay𐌀pal")
        #expect(findings.map(\.range) == [0..<10])
        #expect(findings.first?.oddCharacters.map(\.range) == [3..<7])
        #expect(findings.first?.oddCharacters.map(\.script) == [.oldItalic])
        #expect(find("𠮷野家的Beef饭").isEmpty)
    }

    @Test func classTableAgreesWithScriptExtensions() {
        let classes = WordScriptClasses.shared
        var mismatches = 0
        for scalar in UInt32(0)..<0x10000 {
            let characterClass = classes.classes[Int(scalar)]
            if !WordCharacters.isWordCharacter(scalar) {
                if characterClass != 0 { mismatches += 1 }
                continue
            }
            let expected = ScriptTable.resolvedExtensions(of: scalar)
            if characterClass == 0 || classes.sets[Int(characterClass)] != expected
                || classes.coverage[Int(characterClass)] != WordScriptClasses.coverage(of: expected)
            {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
        #expect(classes.sets[Int(classes.latinClass)] == [.latin])
    }

    @Test func stretchSearchAgreesWithScanningEveryWord() {
        // Pieces that matter at stretch edges: addresses, e-mail tokens, East Asian splits,
        // look-alikes at the very start and end, supplementary characters, line breaks.
        let pieces = [
            "pаypal", "Gооgle", "访问https://exаmple.com/路径", "wwwі.example.com", "pаypal@example.com",
            "普京说Спасибо", "我用Аpple手机", "東京タワー", "한국語", "𠀀字Аb", "Δt=2πr", "plain words",
            "中文句子。", "x\u{200D}у", "\n", "\t", " ", "", "ok.", "-", "Москвa", "a@b", "ΜΜ",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                text += pieces.randomElement(using: &generator)!
                text += ["", " ", "\n", "，", "。", "."].randomElement(using: &generator)!
            }
            let bytes = Array(text.utf8)
            let reference = bytes.withUnsafeBufferPointer { MixedScriptWords.findScanningEveryWord(in: $0) }
            #expect(MixedScriptWords.find(in: bytes) == reference, "\(text.debugDescription)")
        }
        let text = "Pay pаypal now\n中文 exаmple 和 Москвa"
        #expect(find(text).map(\.range) == [4..<11, 23..<31, 36..<47])
        #expect(find("plain English and 中文 text with no look-alikes") == [])
    }

    /// The search steps over CJK ideographs undecoded only where the table holds none of them,
    /// and only over well-formed ones: a lead byte whose continuation is a look-alike's first
    /// byte leaves that look-alike to be found.
    @Test func ideographsAreSteppedOverOnlyWhenWellFormed() {
        let mixing = ScriptMixingCharacters.lookup
        #expect(mixing.clearOfCJK == !(UInt32(0x4000)..<0xA000).contains { mixing.contains($0) })
        #expect(mixing.clearOfCJK)
        // A lead E4 cut short before Cyrillic а (D0 B0): by an ASCII letter ("p" then "аy"),
        // right away (its second byte would be D0), or after one continuation byte (its third
        // would be D0). Each time the look-alike word is still found.
        let cases: [[UInt8]] = [
            Array("中文 p".utf8) + [0xE4, 0x70, 0xD0, 0xB0] + Array("y 文".utf8),
            Array("中文".utf8) + [0xE4, 0xD0, 0xB0] + Array("b".utf8),
            Array("中文".utf8) + [0xE4, 0xB8, 0xD0, 0xB0] + Array("b".utf8),
        ]
        for bytes in cases {
            let reference = bytes.withUnsafeBufferPointer { MixedScriptWords.findScanningEveryWord(in: $0) }
            #expect(!reference.isEmpty, "\(bytes)")
            #expect(MixedScriptWords.find(in: bytes) == reference, "\(bytes)")
        }
    }

    /// The generated table of characters that can make a word mixed-script must say what the
    /// run-time script tables say, for every code point.
    @Test func generatedMixingTableMatchesTheScriptTables() {
        let mixing = ScriptMixingCharacters.lookup
        let all = WordScriptClasses.coversJapanese | WordScriptClasses.coversChinese | WordScriptClasses.coversKorean
        var mismatches: [UInt32] = []
        for scalar in UInt32(0)...0x10FFFF where !(0xD800...0xDFFF).contains(scalar) {
            let expected =
                WordCharacters.isWordCharacter(scalar)
                && WordScriptClasses.coverage(of: ScriptTable.resolvedExtensions(of: scalar)) != all
            if mixing.contains(scalar) != expected { mismatches.append(scalar) }
        }
        #expect(mismatches.isEmpty, "first: \(mismatches.prefix(5).map { String($0, radix: 16) })")
        #expect(mixing.contains(0x0430))  // Cyrillic а
        #expect(!mixing.contains(0x0061) && !mixing.contains(0x4E2D) && !mixing.contains(0x0031))  // a 中 1
        #expect(mixing.contains(0x3042))  // あ: Japanese only, so it can meet Hangul in one word
    }
}
