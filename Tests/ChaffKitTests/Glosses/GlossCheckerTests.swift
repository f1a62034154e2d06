import ChaffData
import Testing

@testable import ChaffKinds

/// The checker on the polyphone mistakes spun text makes, and on glosses it must leave alone,
/// in Simplified and Traditional.
@Suite struct GlossCheckerTests {
    struct Result: Equatable, CustomStringConvertible {
        var kind: GlossFinding.Kind
        var character: String
        var found: String
        var expected: String?
        var word: String
        var description: String { "\(kind) \(character)(\(found)) → \(expected ?? "-") [\(word)]" }
    }

    static func text(_ characters: some Sequence<GlossCharacter>) -> String {
        String(String.UnicodeScalarView(characters.map { Unicode.Scalar($0.scalar)! }))
    }

    static func check(_ text: String) -> [Result] {
        GlossChecker.check(GlossParser.glosses(in: text)).map {
            Result(
                kind: $0.kind, character: Self.text([$0.character]), found: $0.found.numbered,
                expected: $0.expected?.marked, word: Self.text($0.word))
        }
    }

    @Test(arguments: [
        ("角(jiao)色", "角", "jiao", "jué", "角色"),
        ("各种角(jiao)色共同努力", "角", "jiao", "jué", "角色"),
        ("故障排查(zha)", "查", "zha", "chá", "排查"),
        ("比如自省(sheng)", "省", "sheng", "xǐng", "自省"),
        ("直觉(jiao)决策", "觉", "jiao", "jué", "直觉"),
        ("直覺(jiao)決策", "覺", "jiao", "jué", "直覺"),
        ("学家们曾(zeng)预言", "曾", "zeng", "céng", "们曾"),
        ("學家們曾(zeng)預(yu)言", "曾", "zeng", "céng", "們曾"),
        ("強勁(jin)推进", "勁", "jin", "jìng", "強勁"),
        ("值得仔(zai)細", "仔", "zai", "zǐ", "仔細"),
        ("主角(jiao)", "角", "jiao", "jué", "主角"),
        // The likeliest split decides: 各自|省份 (two words) beats 各|自省|份 (three units).
        ("各自省(xing)份", "省", "xing", "shěng", "省份"),
        // A neighbouring word that overlaps the deciding word no longer silences it.
        ("中国大陆(liu)", "陆", "liu", "lù", "大陆"),
        ("交通便(pian)捷", "便", "pian", "biàn", "便捷"),
        // The erhua r only where the word reads 儿 as a neutral er.
        ("儿(r)童", "儿", "r", "ér", "儿童"),
        ("她的女儿(r)", "儿", "r", "ér", "女儿"),
        // 相似|的 ties with 相|似的: the particle 的 stands alone after the word it marks.
        ("相似(shi)的花饰", "似", "shi", "sì", "相似"),
        // Splits of as many units are weighed: 冲浪|手|重新 outweighs 冲浪|手重|新 (手重 is
        // rare), 不|了解 outweighs 不了|解, 有|空调 outweighs 有空|调.
        ("冲浪手重(zhong)新取回", "重", "zhong", "chóng", "重新"),
        ("还不了(le)解为何", "了", "le", "liǎo", "了解"),
        ("有空调(diao)", "调", "diao", "tiáo", "空调"),
        // Only CC-CEDICT lists 番禺区 and 六安市, but 番禺 and 六安, which both dictionaries
        // list, back their readings: they decide although the split keeps the longer word.
        ("番(fan)禺区新闻", "番", "fan", "pān", "番禺区"),
        ("在六(liu)安市", "六", "liu", "lù", "六安市"),
    ])
    func wrongPolyphoneReadings(
        text: String, character: String, found: String, expected: String, word: String
    ) {
        #expect(
            Self.check(text) == [
                Result(
                    kind: .wrongReadingInWord, character: character, found: found,
                    expected: expected, word: word)
            ])
    }

    @Test(arguments: [
        ("他说的(di)", "的", "di", "de"),
        ("他的(di)书", "的", "di", "de"),
        ("吃了(liao)饭", "了", "liao", "le"),
        ("你和(huo)我", "和", "huo", "hé"),
        // No corpus counts: the dictionary words with 掺 all read it chān.
        ("它掺(can)杂", "掺", "can", "chān"),
        // Bound readings: the dictionary reads 什 shén only before 么, 卜 bo only after 萝.
        ("希什(shen)曼王朝", "什", "shen", "shí"),
        ("是帘蛤(ha)目的一种", "蛤", "ha", "gé"),
        // A reading the corpus does not count and few words use (虾 há: 虾蟆).
        ("一只虾(ha)", "虾", "ha", "xiā"),
        // Uncounted, and in 6 of the 199 words with 将: rare alone.
        ("它将(qiang)作品", "将", "qiang", "jiāng"),
        // Uncounted although the corpus counts the character often, and in fewer than 13% of
        // its words: 赚 zuàn (111 in 1,000), 属 zhǔ (86), 粥 yù (115).
        ("并赚(zuan)了一笔钱", "赚", "zuan", "zhuàn"),
        ("是菊科的一属(zhu)植物", "属", "zhu", "shǔ"),
        // No corpus counts, and a reading the standard dictionary does not list that fewer
        // than a tenth of the character's words use (夯 bèn).
        ("他们夯(ben)了三遍", "夯", "ben", "hāng"),
        ("这个谜(mei)很难", "谜", "mei", "mí"),
        // 着 after a verb reads zhe.
        ("他抱着(zhao)孩子", "着", "zhao", "zhe"),
        // Uncounted, listed by the standard dictionary, and in 1 of the 429 words with 万
        // (万俟): rare alone, also at the start of the Han text.
        ("达到247万(mo)余册", "万", "mo", "wàn"),
        ("长度约(yao)1千米", "约", "yao", "yuē"),
        // A reading the corpus does not count, tied to a neighbour by its words (心宽体胖).
        ("他很胖(pan)", "胖", "pan", "pàng"),
        // 曾 after another character is the adverb céng; 传 before one is the verb chuán.
        ("回国后曾(zeng)出任校长", "曾", "zeng", "céng"),
        ("信被传(zhuan)走", "传", "zhuan", "chuán"),
        // After a numeral or demonstrative a measure word takes its measure reading.
        ("新建了两幢(chuang)建筑", "幢", "chuang", "zhuàng"),
        ("打八折(she)", "折", "she", "zhé"),
        // So does one after a number written in digits, ASCII or fullwidth.
        ("约有150幢(chuang)民宅", "幢", "chuang", "zhuàng"),
        ("约有１５０幢(chuang)民宅", "幢", "chuang", "zhuàng"),
        // No corpus counts, and a reading that only a word with one neighbour gives (万俟 qí,
        // 龟兹 cí), while many other words read the character otherwise: wrong without that
        // neighbour, also where the standard dictionary lists it and at the start of the text.
        ("以俟(qi)后人", "俟", "qi", "sì"),
        ("俟(qi)佛教传入", "俟", "qi", "sì"),
        ("兹(ci)有一事", "兹", "ci", "zī"),
    ])
    func rareReadingsOfACharacterAlone(text: String, character: String, found: String, expected: String) {
        #expect(
            Self.check(text) == [
                Result(kind: .rareReading, character: character, found: found, expected: expected, word: "")
            ])
    }

    @Test(arguments: [
        // After a subject pronoun or 们, 都 is the adverb dōu, over the word 都会 (dūhuì).
        ("他们都(du)会来", "都", "du", "dōu", "们都"),
        ("他都(du)知道", "都", "du", "dōu", "他都"),
        // After a reduplicated pair, 地 is the adverbial particle de.
        ("他慢慢地(di)走了", "地", "di", "de", "慢慢地"),
        ("大家高高兴兴地(di)回家", "地", "di", "de", "兴兴地"),
        // Next to a character that marks a transliteration, a name reads as transliterations do.
        ("诗人特勒(lei)斯来信", "勒", "lei", "lè", "特勒"),
        // Also where a word only one dictionary gives reads it otherwise (圣赫勒拿 lēi).
        ("圣赫勒(lei)拿岛", "勒", "lei", "lè", "赫勒"),
        // An interjection stands at a clause's edge: between two Han characters 咳 is ké (to
        // cough), 呵 hē (to breathe out, to scold), where no word gives the interjection.
        ("一阵急咳(hai)之后", "咳", "hai", "ké", "急咳之"),
        ("他咳(hai)了一声", "咳", "hai", "ké", "他咳了"),
        ("被人呼来呵(a)去", "呵", "a", "hē", "来呵去"),
    ])
    func grammaticalContextsDecideOverWords(
        text: String, character: String, found: String, expected: String, word: String
    ) {
        #expect(
            Self.check(text) == [
                Result(
                    kind: .wrongReadingInContext, character: character, found: found,
                    expected: expected, word: word)
            ])
    }

    @Test(arguments: [
        // The context's own reading, and 都 or 地 where no context decides.
        "他们都(dou)会来", "他慢慢地(de)走了", "香港是国际大都(du)会", "首都(du)在北京",
        // A word that starts at 地 is no particle (种种|地方).
        "种种地(di)方",
        // A reading the corpus does not count, used by 13% or more of the character's words,
        // stays (嵌 kàn, in 142 of 1,000).
        "他去赤嵌(kan)",
        // A dictionary word that gives the glossed syllable keeps it next to a transliteration
        // character (勒索 lè, 勒紧 lēi), and so does the transliteration reading itself.
        "斯勒(le)索了他", "把绳子勒(lei)紧", "诗人特勒(le)斯来信",
        // Interjections at a clause's edge, next to another interjection, in a word that
        // reads them so (咳声叹气 hāi); 嘿 is not judged (一吹嘿又转了, informal text).
        "咳(hai)，我忘了", "那就好呵(a)！", "咳(hai)呀我忘了", "咳(hai)声叹气", "一吹嘿(hei)又转了",
        "他说咳(ke)了一声",
    ])
    func contextsLeaveOtherUsesAlone(text: String) {
        #expect(Self.check(text) == [])
    }

    @Test(arguments: [
        "漫長(chang)", "漫长(chang)", "調(tiao)優", "调(tiao)优", "沈(chen)睡", "為什麽(me)",
        "为什么(me)", "為什(shen)麽(me)", "匱(kui)乏", "匮(kui)乏", "角(jue)色", "排(pai)查(cha)",
        "自省(xing)", "直覺(jue)", "曾(ceng)預言", "曾(zeng)国藩", "觀(guan)點(dian)",
        "人類(lei)", "银行(yinhang)", "银行(yín háng)", "好(hao3)", "女(nü)", "绿(lv4)",
        "各自省(sheng)份",
        // 的确 is contested by 确定, so 的 may stand alone.
        "他的(de)确定", "他的(di)确定",
        // Toneless glosses are not compared on tone; neutral tones are not compared.
        "好(hao)奇", "为什么(wèi shén me)", "为什么(wei4 shen2 me)", "东西(dōng xī)",
        // 一 and 不 change tone before another syllable.
        "一(yí)个", "一(yī)个", "不(bú)是",
        // No word contains the character: any frequent reading of it is accepted.
        "他(ta)说(shuo)长(zhang)", "长(chang)", "了(le)", "着(zhao)",
        // A reading only one dictionary gives, in a word or two (拖拽 yè), does not overrule
        // the frequent one.
        "拖拽(zhuai)", "一撮(cuo)",
        // A several-character gloss that no word covers is most often a name (單 shàn).
        "單小明(shan xiao ming)",
        // Shares from dictionary words miss measure words and surnames: after a numeral a
        // character may be a measure word, and a reading the standard dictionary lists stays.
        "两幢(zhuang)建筑", "他说覃(qin)振", "它掺(chan)杂",
        // The same for a standard reading the corpus does not count (三石 dàn), and a standard
        // reading that enough words use stays (弄 lòng, an alley, in 22 of 1,000).
        "收粮三石(dan)米", "王家弄(long)社区",
        // A bound reading next to its neighbour, however the text is split.
        "他说什(shen)么", "萝卜(bo)", "癞蛤(ha)蟆", "万俟(qi)丑奴", "古国龟兹(ci)",
        // A reading bound to a numeral is a measure word's: after any numeral it stays (一沓
        // dá). One bound to a place-name suffix names the place with any suffix (蔚县, 蔚州
        // yù), and one the modern standard added over the 1983 dictionary is in current use
        // beyond its words (曝光, 曝出 bào): neither is bound.
        "两沓(da)钞票", "约有150幢(zhuang)民宅", "蔚(yu)州人", "媒体曝(bao)出丑闻",
        // 着 zháo as a resultative complement: after 不 or 得, or before 了.
        "他睡不着(zhao)", "用得着(zhao)", "火点着(zhao)了", "他抱着(zhe)孩子",
        "很便(pian)宜", "大腹便便(pian pian)",
        "等一会儿(r)", "他在玩儿(r)呢", "阿(e)胶",
        // 传 ending a title, 曾 where a name may start.
        "《春秋左氏传(zhuan)》", "曾(zeng)某说", "像他似(shi)的",
        // A surname before a title or after 姓 takes its own readings.
        "他和盖(ge)先生说", "他姓盖(ge)", "跑了三圈(quan)", "打八折(zhe)",
        // Surname readings are not judged alone: a name is in no word list.
        "评书大师单(shan)田芳", "金庸本名查(zha)良镛", "他叫盖(ge)叫天",
        // Weighed splits: 获得|要 outweighs 获|得要 (děi), 冲浪|手|重新 keeps 重 chóng; where
        // the weightiest split leaves the character alone every tied split still counts (弄|
        // 清楚 against 弄清|楚: 弄 alone reads nòng or lòng), and splits that weigh nearly
        // alike both count (会长|安|部 against 会|长安|部: a name, 安部).
        "获得(de)要显示的文件", "冲浪手重(chong)新", "才弄(nong)清楚", "才弄(long)清楚",
        "会长(zhang)安部川", "会长(chang)安部川",
    ])
    func correctGlossesAreSilent(text: String) {
        #expect(Self.check(text) == [])
    }

    @Test func doubledGloss() {
        #expect(
            Self.check("見證著(zhu)(zhe)由") == [
                Result(kind: .repeatedGloss, character: "著", found: "zhe", expected: nil, word: "")
            ])
        // 着 after a verb reads zhe: the first gloss is wrong as well.
        #expect(Self.check("见证着(zhao)(zhe)").map(\.kind) == [.rareReading, .repeatedGloss])
        #expect(Self.check("看着(zhe)(zhe)") == [])
    }

    @Test func toneMistakes() {
        #expect(
            Self.check("好(hǎo)奇") == [
                Result(kind: .wrongToneInWord, character: "好", found: "hao3", expected: "hào", word: "好奇")
            ])
        #expect(
            Self.check("模型(xīng)") == [
                Result(kind: .wrongTone, character: "型", found: "xing1", expected: "xíng", word: "模型")
            ])
        #expect(Self.check("好(hào)奇") == [])
    }

    @Test func notAReading() {
        #expect(
            Self.check("模型(xin)") == [
                Result(kind: .notAReading, character: "型", found: "xin", expected: "xíng", word: "模型")
            ])
        // In a word, the expected reading comes along.
        #expect(
            Self.check("型(xin)") == [
                Result(kind: .notAReading, character: "型", found: "xin", expected: nil, word: "")
            ])
        #expect(
            Self.check("角(jia)色") == [
                Result(kind: .notAReading, character: "角", found: "jia", expected: "jué", word: "角色")
            ])
        let gloss = GlossParser.glosses(in: "模型(xin)")[0]
        #expect(GlossChecker.isConfirmed(gloss) == false)
        #expect(GlossChecker.isConfirmed(GlossParser.glosses(in: "模型(xing)")[0]))
        #expect(GlossChecker.check(gloss)[0].readings.map(\.numbered) == ["xing2"])
    }

    @Test func multiSyllableGloss() {
        #expect(
            Self.check("角色(jiao se)") == [
                Result(kind: .wrongReadingInWord, character: "角", found: "jiao", expected: "jué", word: "角色")
            ])
        let findings = GlossChecker.check(GlossParser.glosses(in: "他扮演角色(jiǎo sè)"))
        #expect(findings.map(\.index) == [0])
        #expect(findings.map(\.character.range) == [9..<12])
        #expect(findings.map { $0.word.map(\.range) } == [[9..<12, 12..<15]])
    }
}
