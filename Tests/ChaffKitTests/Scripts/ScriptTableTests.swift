import ChaffData
import Testing

@Suite struct ScriptTableTests {
    @Test func scriptsOfTypicalCharacters() {
        #expect(ScriptTable.script(of: 0x41) == .latin)  // A
        #expect(ScriptTable.script(of: 0x7A) == .latin)  // z
        #expect(ScriptTable.script(of: 0x40) == .common)  // @
        #expect(ScriptTable.script(of: 0x5B) == .common)  // [
        #expect(ScriptTable.script(of: 0x35) == .common)  // 5
        #expect(ScriptTable.script(of: 0xE9) == .latin)  // é
        #expect(ScriptTable.script(of: 0x0430) == .cyrillic)  // а
        #expect(ScriptTable.script(of: 0x039C) == .greek)  // Μ
        #expect(ScriptTable.script(of: 0x4E2D) == .han)  // 中
        #expect(ScriptTable.script(of: 0x3005) == .han)  // 々
        #expect(ScriptTable.script(of: 0x3042) == .hiragana)  // あ
        #expect(ScriptTable.script(of: 0x30A2) == .katakana)  // ア
        #expect(ScriptTable.script(of: 0x30FC) == .common)  // ー
        #expect(ScriptTable.script(of: 0xD55C) == .hangul)  // 한
        #expect(ScriptTable.script(of: 0x3105) == .bopomofo)  // ㄅ
        #expect(ScriptTable.script(of: 0x0301) == .inherited)  // combining acute
        #expect(ScriptTable.script(of: 0x3002) == .common)  // 。
        #expect(ScriptTable.script(of: 0x20BB7) == .han)  // 𠮷, supplementary
        #expect(ScriptTable.script(of: 0x1F600) == .common)  // 😀
        #expect(ScriptTable.script(of: 0x0378) == .unknown)  // unassigned
        #expect(ScriptTable.script(of: 0x10FFFF) == .unknown)
    }

    @Test func asciiFastPathAgreesWithTable() {
        // The fast path is hand-written; the runs must say the same for every ASCII byte.
        let runs = ScriptTable.scriptRuns
        for scalar: UInt32 in 0..<0x80 {
            let fromRuns = runs.first { $0.range.contains(scalar) }!.script
            #expect(ScriptTable.script(of: scalar) == fromRuns, "U+\(scalar)")
        }
    }

    @Test func namesAndCodes() {
        #expect(UnicodeScript.count == 165)
        #expect(UnicodeScript.common.rawValue == 0)
        #expect(UnicodeScript.inherited.rawValue == 1)
        #expect(UnicodeScript.unknown.rawValue == 2)
        #expect(UnicodeScript.latin.name == "Latin")
        #expect(UnicodeScript.latin.shortName == "Latn")
        #expect(UnicodeScript.han.name == "Han")
        #expect(UnicodeScript.han.shortName == "Hani")
        #expect(UnicodeScript.cyrillic.name == "Cyrillic")
        #expect(UnicodeScript.oldItalic.name == "Old_Italic")
        #expect(UnicodeScript(name: "cyrl") == .cyrillic)
        #expect(UnicodeScript(name: "Greek") == .greek)
        #expect(UnicodeScript(name: "Klingon") == nil)
        #expect(UnicodeScript.common.isCommonOrInherited)
        #expect(UnicodeScript.inherited.isCommonOrInherited)
        #expect(!UnicodeScript.unknown.isCommonOrInherited)
    }

    @Test func scriptExtensions() {
        // ー is Script=Common but used only with kana.
        #expect(ScriptTable.extensions(of: 0x30FC) == [.hiragana, .katakana])
        // 。 is used with Bopomofo, Han, Hangul, Hiragana, Katakana and Yi.
        #expect(
            ScriptTable.extensions(of: 0x3002)
                == [.bopomofo, .han, .hangul, .hiragana, .katakana, .yi])
        // Unlisted: the extensions are the script itself.
        #expect(ScriptTable.extensions(of: 0x61) == [.latin])
        #expect(ScriptTable.extensions(of: 0x4E2D) == [.han])
        #expect(ScriptTable.extensions(of: 0x21) == [.common])
        #expect(ScriptTable.extensions(of: 0x0301) == [.inherited])
        #expect(ScriptTable.extensions(of: 0x0660).contains(.arabic))  // ARABIC-INDIC DIGIT ZERO
        #expect(ScriptTable.extensions(of: 0x0660).contains(.thaana))
    }

    @Test func resolvedExtensionsTreatCommonAndInheritedAsAll() {
        #expect(ScriptTable.resolvedExtensions(of: 0x35) == .all)
        #expect(ScriptTable.resolvedExtensions(of: 0x0301) == .all)
        #expect(ScriptTable.resolvedExtensions(of: 0x30FC) == [.hiragana, .katakana])
        #expect(ScriptTable.resolvedExtensions(of: 0x0430) == [.cyrillic])
        #expect(ScriptSet.all.count == UnicodeScript.count)
    }

    @Test func scriptSetAlgebra() {
        var set: ScriptSet = [.latin, .han]
        #expect(set.count == 2)
        #expect(set.contains(.latin) && !set.contains(.greek))
        #expect(set.intersection([.han, .hiragana]) == [.han])
        #expect(set.intersection([.greek]).isEmpty)
        #expect(set.union([.greek]).count == 3)
        #expect(set.intersects([.han]))
        set.insert(UnicodeScript(rawValue: 200))  // a high word, beyond the real codes
        #expect(set.contains(UnicodeScript(rawValue: 200)))
        #expect(set.remove(.latin) == .latin)
        #expect(set.scripts == [.han, UnicodeScript(rawValue: 200)])
        #expect(ScriptSet([.greek, .latin]).description == "{Grek, Latn}")
    }
}
