#!/usr/bin/env python3
"""Generate chaff's pinyin tables (syllables, character readings, word readings, Han normalisation).

Sources (see Sources/ChaffData/PROVENANCE.md, section "Pinyin"):
  * Unihan 15 (Debian package `unicode-data`): Unihan_Readings.txt.bz2 (kMandarin, kHanyuPinyin,
    kXHC1983, kTGHZ2013, kHanyuPinlu) and Unihan_Variants.txt.bz2 (kSimplifiedVariant, kSemanticVariant,
    kSpecializedSemanticVariant).
    Unicode License v3.
  * pypinyin 0.55.0 `phrases_dict.json` (MIT; derived from the phrase-pinyin-data project, MIT).
  * pypinyin-dict 0.9.0 `phrase_pinyin_data/cc_cedict*` (the phrase-pinyin-data copy of CC-CEDICT
    readings; CC-CEDICT is CC BY-SA 4.0).
  * jieba 0.42.1 `dict.txt` (MIT): corpus counts of 349,046 words and characters, for the split
    weights below.
  * Scripts/pinyin-context-words.txt: a short hand-written list of context words (chaff's own).

Install the Python sources with:  pip install pypinyin==0.55.0 pypinyin-dict==0.9.0 jieba==0.42.1

Usage:  python3 Scripts/generate-pinyin-tables.py            # write the Swift files
        python3 Scripts/generate-pinyin-tables.py --check    # exit 1 if committed files differ
        python3 Scripts/generate-pinyin-tables.py --stats    # print table statistics

Encoding (decoded at first use by PinyinTableCode.swift and the decoder of each table in Sources/ChaffData):
  * A reading is a 12-bit code, syllableIndex * 8 + tone (tone 1-4, 5 = neutral), written as two
    characters of CODE_ALPHABET (high six bits first).
  * Character table: integer arrays, read as they are (character_table_file): the codes of
    every character in code point order, an entry per code point of FLAT_START..<FLAT_END (where
    its codes start, shifted left by 4, or'ed with their count), and the characters beyond with
    where their codes start.
  * Word table: four literals. `characters` lists every character of the words once, in code
    point order (an array of code points): a character's dense index is its place there, from 1. `keys` holds an entry of
    KEY_ENTRY characters per word, in the records' order, KEY_LINE entries a line: the word's
    packed key, four dense indices (0 after the word's last character) of three KEY_ALPHABET
    characters each (18 bits, high first), then the byte offset of its record in `records` in
    four KEY_ALPHABET characters (24 bits). KEY_ALPHABET is CODE_ALPHABET's characters in byte
    order, so the entries sort as their keys do and a lookup searches the literal's bytes as
    they are: no process decodes the 126,000 keys or finds where each record starts;
    `lineFirstHigh` and `lineFirstLow` hold the first key of each line (its first eight and next
    four characters as big-endian integers), which a lookup searches before the one line. `pairs` is
    the bit set of PAIR_BITS bits that the lookup tests first: bit pair_bit(a, b) is set when a
    word starts with the characters of dense indices a and b, an array of 64-bit words, lowest
    bit first. `keyBits` is the bit set of KEY_BITS bits tested before a key is searched: bit
    key_bit(lanes) is set for the packed key of every word. `records` holds each word's "[!]<codes>"
    followed by a space, one code per character in order; a '+'
    before a code adds another reading to the previous character (the source gives several). A
    '!' marks a collocation from Scripts/pinyin-context-words.txt. A '?' before a character's
    codes marks an unconfirmed reading: only one of the two dictionaries lists the word
    (pypinyin's phrases or CC-CEDICT) and fewer than MINOR_READING of the table's words
    containing that character read it so (拖拽 yè, 一撮 zuǒ, 佛罗里达 fú), or of those that have
    it in the same place, first or later (率部 lǜ; at least PLACE_WORDS_MINIMUM such words), and
    no shorter word inside it that both dictionaries list reads the character so (番禺 pān backs
    番禺区). No second source and no other words back that reading, so the checker lets it
    license readings but not overrule a frequent one. A '#' and one code character give the
    word's weight (see the weight table below) when jieba counts it; a word without one weighs
    as a count of 2, jieba's lowest (`PinyinWeights.unknown`, 4). Words are sorted by the
    tuple of code points, which is the order of their packed keys.
  * Weight table: integer arrays, one entry per code point of FLAT_START..<FLAT_END and a sorted
    list beyond: the weight of a character that jieba counts as a word of its own,
    round(WEIGHT_SCALE * ln(count + 1)) (3-63; 了, the most counted, 55). The checker adds the weights of a split's units to choose between
    splits of as many units (不|了解 against 不了|解), the log-probability of a unigram model up
    to a constant.
  * Frequency table: integer arrays (characters, where their entries start, the entries, the
    characters' marks, the entries' neighbours), for characters with kHanyuPinlu frequencies and
    at least two toneless readings: per toneless reading that the corpus counts or that is the
    character's usual reading, its syllable index and its share in per mille. The usual
    reading (kMandarin's first, and pypinyin's first character reading) gets at least
    USUAL_SHARE: kHanyuPinlu's corpus is small and misses
    some. A reading the corpus does not count gets share 0 when fewer than RARE_WORDS words of
    the word table read the character that way (佛 bì). Otherwise it gets the per-mille share
    of the character's words that read it so, with WORD_SHARE_FLAG added to mark it as a share
    of words: the corpus misses readings that many words use (佛 fó, 什 shí, 勒 lè), so such a
    share says what the lexicon uses, and the checker judges only low ones (将 qiāng: 6 of 199
    words). STANDARD_FLAG is added too when kTGHZ2013 lists the reading (万 mò, 叶 xié, 弄
    lòng): the modern standard keeps such readings for measure words, surnames and regional
    nouns that word lists miss (一石 dàn, 40弄 lòng), so the checker judges them by a lower
    bound and not after a numeral. A character's mark (`fromWords`, '~') is set for a
    character without kHanyuPinlu counts whose shares are those of the word table's words that contain it (at least
    WORD_SHARE_MINIMUM words): 掺 chān in all of its words, càn in none. A reading that
    kTGHZ2013 lists gets at least STANDARD_SHARE (measure words and surnames are in no word
    list: 幢 zhuàng, 覃 qín), and so does a reading of a semantic variant (kSemanticVariant,
    kSpecializedSemanticVariant: 沈 chén, which word lists write 沉). Such shares tell which readings the lexicon uses, not how often
    text does; the checker trusts them less. A neighbour marks a bound reading (see
    bound_readings() and, for characters marked '~', bound_word_readings()): share 0, and the
    code point of the neighbour it needs, after the character (什么) or before it (萝卜, bit 31
    set); the
    character's other readings keep their shares (什 shí: the share of its words), so that one
    of them is the usual reading.
  * Normalisation table: pairs "<traditional><simplified>" (the form words are keyed by), then a
    '|' and pairs "<character><alternative>" (a second form lookups also try); see
    resolve_simplified().
"""

import bz2
import importlib
import json
import math
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UNIHAN_DIR = "/usr/share/unicode"
OUT_DIR = os.path.join(ROOT, "Sources", "ChaffData")
CONTEXT_WORDS = os.path.join(ROOT, "Scripts", "pinyin-context-words.txt")

CODE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
# The same 64 characters in byte order, for the word table's keys (see the word table above).
KEY_ALPHABET = "".join(sorted(CODE_ALPHABET))
# Characters per word in the word table's `keys`: twelve of key, four of record offset.
KEY_ENTRY = 16
# Entries per line of `keys`.
KEY_LINE = 64
# The code points whose character-table entries are one array slot each
# (PinyinTableCode.flatRange), and array items a line.
FLAT_START, FLAT_END = 0x3400, 0xA000
ARRAY_LINE = 16
# Bits of the word table's pair set (PinyinWords.pairMask + 1).
PAIR_BITS = 1 << 20
# Bits of the word table's key set (PinyinWords.keyMask + 1).
KEY_BITS = 1 << 21
TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
READING_FIELDS = ("kMandarin", "kHanyuPinyin", "kXHC1983", "kTGHZ2013", "kHanyuPinlu")
# Syllables that only stand alone (interjections); the gloss segmenter accepts them only as a
# whole token, so that English words do not split into them.
WHOLE_TOKEN_ONLY = ("ê", "hm", "hng", "m", "n", "ng", "r")
MAX_WORD = 4
# Per-mille share given to a character's usual reading (see the frequency table above).
USUAL_SHARE = 500
# Share of a character's words below which a reading is a minor one (see '?' above).
MINOR_READING = 0.1
# Words that start with a character (or that it is inside or ends) from which MINOR_READING is
# judged among those words alone.
PLACE_WORDS_MINIMUM = 10
# Fewer words than this reading a character some way make an uncounted reading rare.
RARE_WORDS = 1
# Marks a share that comes from the word table rather than from corpus counts.
WORD_SHARE_FLAG = 0x800
# Marks such a share for a reading that kTGHZ2013 lists (see the frequency table above).
STANDARD_FLAG = 0x400
# Characters without kHanyuPinlu counts get shares from the words of the word table when at
# least this many words contain them (see '~' below).
WORD_SHARE_MINIMUM = 2
# Share given to a reading that kTGHZ2013 (the 2013 standard character dictionary) lists, for
# characters whose shares come from words.
STANDARD_SHARE = 100
# Bound readings (see bound_readings()).
BOUND_MINIMUM_SHARE = 30
BOUND_WORDS = 2
BOUND_SHARE = 0.6
BOUND_OTHER_WORDS = 2
# Bound readings of characters without corpus counts (see bound_word_readings()): every word
# that reads the character so has the same neighbour, and the other readings have at least
# BOUND_WORD_OTHERS words and BOUND_WORD_RATIO times as many, at least BOUND_WORD_PAIRS of
# them words of two characters (the ordinary vocabulary, not only idioms).
BOUND_WORD_OTHERS = 4
BOUND_WORD_RATIO = 3
BOUND_WORD_PAIRS = 2
# Place-name suffixes: a reading bound to one of them (浚县 xùn, 蔚县 yù) is a place's, and the
# place is also written with another suffix (蔚州), so such a reading is not bound.
PLACE_SUFFIXES = "县州市镇乡村区省郡府"
LINE_RECORDS = 48
# Weights of words and characters (the weight table above): WEIGHT_SCALE units per factor e of
# jieba's count. Decoded by PinyinWeights.swift.
WEIGHT_SCALE = 4
# Characters that write foreign names far more often than they write Chinese words (chaff's own
# list, no outside source): a word of the word table with two of them besides a character is a
# transliteration (圣赫勒拿, 卡塔尔), and so is a character in running text next to one of them.
TRANSLITERATION_CHARACTERS = (
    "斯尔克德特拉亚利维罗纳森伊阿奥巴布尼里西萨塔格多诺蒂丹卡马埃乌索比"
    "夫基曼莱汉普科兰勒赫佩图琴伯哈瓦吉贝米杰蒙莫")
# A character gets a transliteration reading when at least TRANSLITERATION_WORDS such words
# contain it, at least TRANSLITERATION_AGREE of them read it one way, and they are at least
# TRANSLITERATION_SHARE of all the words it is in (a character of names, not 地 or 得, which a
# few transliterations also use).
TRANSLITERATION_WORDS = 2
TRANSLITERATION_AGREE = 0.8
TRANSLITERATION_SHARE = 0.1


def is_han(cp):
    """Code points of the CJK ideograph blocks, plus 〇 and 々 which readings may name."""
    return (0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF
            or 0x20000 <= cp <= 0x323AF or cp in (0x3007, 0x3005))


def normalise_reading(text):
    """'zhōng' -> ('zhong', 1); 'lǜ' -> ('lv', 4); 'me' -> ('me', 5); 'ê̄' -> ('ê', 1)."""
    decomposed = unicodedata.normalize("NFD", text.strip().lower())
    tone = 5
    out = []
    for ch in decomposed:
        if ch in TONE_MARKS:
            tone = TONE_MARKS[ch]
        elif ch == "\u0308":  # diaeresis: ü
            out[-1] = "v"
        elif ch == "\u0302":  # circumflex: ê
            out[-1] = "ê"
        else:
            out.append(ch)
    syllable = "".join(out)
    if not re.fullmatch(r"[a-zê]+", syllable):
        raise ValueError("unexpected reading %r" % text)
    return syllable, tone


def read_unihan(name):
    with bz2.open(os.path.join(UNIHAN_DIR, name), "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cp, field, value = line.rstrip("\n").split("\t")
            yield int(cp[2:], 16), field, value


def unihan_readings():
    readings = {}
    for cp, field, value in read_unihan("Unihan_Readings.txt.bz2"):
        if field not in READING_FIELDS:
            continue
        if field == "kMandarin":
            raw = value.split()
        elif field == "kHanyuPinyin":
            raw = [r for entry in value.split() for r in entry.split(":")[1].split(",")]
        elif field in ("kXHC1983", "kTGHZ2013"):
            raw = [entry.split(":")[1] for entry in value.split()]
        else:  # kHanyuPinlu: reading(frequency)
            raw = [re.sub(r"\(.*", "", entry) for entry in value.split()]
        readings.setdefault(cp, set()).update(normalise_reading(r) for r in raw)
    return readings


def unihan_frequencies():
    """{character: {toneless syllable: per-mille share}} from kHanyuPinlu, with the usual
    reading (kMandarin's first, pypinyin's first) raised to at least USUAL_SHARE."""
    counts, usual = {}, {}
    for cp, field, value in read_unihan("Unihan_Readings.txt.bz2"):
        if field == "kHanyuPinlu":
            per = counts.setdefault(cp, {})
            for entry in value.split():
                m = re.fullmatch(r"(.+)\((\d+)\)", entry)
                syllable = normalise_reading(m.group(1))[0]
                per[syllable] = per.get(syllable, 0) + int(m.group(2))
        elif field == "kMandarin":
            usual.setdefault(cp, set()).add(normalise_reading(value.split()[0])[0])
    from pypinyin import pinyin_dict
    for cp, value in pinyin_dict.pinyin_dict.items():
        if cp in counts:
            usual.setdefault(cp, set()).add(normalise_reading(value.split(",")[0])[0])
    shares = {}
    for cp, per in counts.items():
        total = sum(per.values())
        share = {s: (1000 * n + total // 2) // total for s, n in per.items()}
        for s in usual.get(cp, ()):
            share[s] = max(share.get(s, 0), USUAL_SHARE)
        shares[cp] = share
    return shares


def unihan_semantic_variants():
    """kSemanticVariant and kSpecializedSemanticVariant as {character: {variants}}: the same
    word written with another character (沈 and 沉 for chén)."""
    variants = {}
    for cp, field, value in read_unihan("Unihan_Variants.txt.bz2"):
        if field in ("kSemanticVariant", "kSpecializedSemanticVariant"):
            variants.setdefault(cp, set()).update(int(v.split("<")[0][2:], 16) for v in value.split())
    return variants


def unihan_simplified():
    """kSimplifiedVariant as {character: [targets other than itself]} and the set of characters
    that list themselves too (著 -> 著 and 着)."""
    targets, keeps_itself = {}, set()
    for cp, field, value in read_unihan("Unihan_Variants.txt.bz2"):
        if field != "kSimplifiedVariant":
            continue
        listed = [int(v.split("<")[0][2:], 16) for v in value.split()]
        others = [t for t in listed if t != cp]
        if others:
            targets[cp] = others
            if cp in listed:
                keeps_itself.add(cp)
    return targets, keeps_itself


def resolve_simplified(targets, keeps_itself, usage):
    """Chooses the lookup mapping. `single`: character -> the simplified form words are keyed
    by; `alternative`: character -> a second form that lookups also try.

    A character that is its own simplified form in some words keeps itself and gets its other
    form as alternative when there is exactly one (著 -> 著, alternative 着). A character with
    several other forms (戰 -> 战 or 𢧐, 鍾 -> 钟 or 锺) maps to the one the word sources use
    most; the second most used, if the sources use it at all, is the alternative."""
    single, alternative = {}, {}
    for cp, others in targets.items():
        if cp in keeps_itself:
            if len(others) == 1:
                alternative[cp] = others[0]
            continue
        ranked = sorted(others, key=lambda t: (-usage.get(t, 0), others.index(t)))
        single[cp] = ranked[0]
        if len(ranked) > 1 and usage.get(ranked[1], 0) > 0:
            alternative[cp] = ranked[1]
    return single, alternative


def load_sources():
    """[(source name, {word: [[reading, ...] per character]})] in a fixed order."""
    import pypinyin  # noqa: F401  (presence check with a clear error below)
    base = os.path.dirname(importlib.import_module("pypinyin").__file__)
    with open(os.path.join(base, "phrases_dict.json"), encoding="utf-8") as f:
        pypinyin_phrases = json.load(f)
    cedict = importlib.import_module("pypinyin_dict.phrase_pinyin_data.cc_cedict").phrases_dict
    context = {}
    with open(CONTEXT_WORDS, encoding="utf-8") as f:
        for line in f:
            line = line.split("#")[0].strip()
            if not line:
                continue
            word, *syllables = line.split()
            if len(syllables) != len(word):
                raise ValueError("bad context word line %r" % line)
            context[word] = [[s] for s in syllables]
    return [("pypinyin", pypinyin_phrases), ("cc-cedict", cedict), ("context", context)]


def jieba_counts():
    """{word: count} from jieba's dictionary (`dict.txt`: word, count, part of speech)."""
    path = os.path.join(os.path.dirname(importlib.import_module("jieba").__file__), "dict.txt")
    counts = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                counts[parts[0]] = int(parts[1])
    return counts


def weight(count):
    return min(63, round(WEIGHT_SCALE * math.log(count + 1)))


def weights(simplify):
    """Weights of jieba's words and characters keyed by simplified form (the highest count when
    Traditional and Simplified spellings meet); only Han words of 1-MAX_WORD characters."""
    by_key = {}
    for word, count in jieba_counts().items():
        cps = [ord(c) for c in word]
        if not 1 <= len(cps) <= MAX_WORD or not all(is_han(cp) for cp in cps):
            continue
        key = tuple(simplify(cp) for cp in cps)
        by_key[key] = max(by_key.get(key, 0), count)
    return {key: weight(count) for key, count in by_key.items()}


def backed_by_inner_word(key, i, kept, listed_by):
    """True when a shorter word inside `key` that both dictionaries list reads its character at
    position i the way `key` does: 番禺 (pān, both) backs 番禺区, which only CC-CEDICT lists."""
    readings = {s for s, _ in kept[key][i]}
    for start in range(0, i + 1):
        for end in range(max(i + 1, start + 2), len(key) + 1):
            inner = key[start:end]
            if len(inner) == len(key) or len(listed_by.get(inner, ())) < 2:
                continue
            if readings <= {s for s, _ in kept[inner][i - start]}:
                return True
    return False


def build():
    char_readings = unihan_readings()
    sources = load_sources()
    usage = {}
    for _, table in sources:
        for word in table:
            for c in word:
                usage[ord(c)] = usage.get(ord(c), 0) + 1
    single, alternative = resolve_simplified(*unihan_simplified(), usage)

    def simplify(cp):
        return single.get(cp, cp)

    # Word readings merged over all sources, keyed by the simplified form.
    words = {}
    collocations = set()
    listed_by = {}
    for source, table in sources:
        for word, per_char in table.items():
            cps = [ord(c) for c in word]
            if not 2 <= len(cps) <= MAX_WORD or len(per_char) != len(cps):
                continue
            if not all(is_han(cp) for cp in cps):
                continue
            key = tuple(simplify(cp) for cp in cps)
            merged = words.setdefault(key, [set() for _ in cps])
            if source == "context":
                collocations.add(key)
            else:
                listed_by.setdefault(key, set()).add(source)
            for i, options in enumerate(per_char):
                merged[i].update(normalise_reading(r) for r in options)

    # Readings that words give a character (tone sandhi, neutral tones) also count as readings.
    for key, per_char in words.items():
        for cp, options in zip(key, per_char):
            char_readings.setdefault(cp, set()).update(options)

    # Every word is kept, also those without a polyphonic character: they are what tells the
    # checker that a split is contested (in 的确定, 确定 competes with 的确 for 确).
    kept = dict(words)

    syllables = sorted({s for rs in char_readings.values() for s, _ in rs},
                       key=lambda s: s.encode("utf-8"))
    index = {s: i for i, s in enumerate(syllables)}
    if len(syllables) * 8 > 64 * 64:
        raise ValueError("too many syllables for two-character codes")

    # Normalisation pairs limited to characters that reach a kept word.
    used = {cp for key in kept for cp in key}
    norm_pairs = sorted((t, s) for t, s in single.items() if s in used)
    alt_pairs = sorted((c, a) for c, a in alternative.items() if a in used or c in used)
    in_words = {}
    # The same counts for the words that start with the character, and for those it is inside
    # or ends: a reading can be common in one place and unheard of in the other (率 lǜ ends
    # 效率 and 频率; a word that starts with 率 reads it shuài).
    in_place = {}
    words_in_place = {}
    for key, per_char in kept.items():
        for i, (cp, options) in enumerate(zip(key, per_char)):
            place = (cp, i == 0)
            words_in_place[place] = words_in_place.get(place, 0) + 1
            for syllable in {s for s, _ in options}:
                in_words[(cp, syllable)] = in_words.get((cp, syllable), 0) + 1
                in_place[place + (syllable,)] = in_place.get(place + (syllable,), 0) + 1
    # The 2013 standard's readings, and the 1983 dictionary's (see bound_word_readings()).
    standard, older = {}, {}
    for cp, field, value in read_unihan("Unihan_Readings.txt.bz2"):
        if field in ("kTGHZ2013", "kXHC1983"):
            listed = standard if field == "kTGHZ2013" else older
            listed[cp] = {normalise_reading(e.split(":")[1])[0] for e in value.split()}
    semantic = unihan_semantic_variants()
    char_words = {}
    for key in kept:
        for cp in key:
            char_words[cp] = char_words.get(cp, 0) + 1
    frequencies = {}
    from_words = set()
    from_standard = set()
    for cp, share in unihan_frequencies().items():
        toneless = {s for s, _ in char_readings.get(cp, ())}
        if len(toneless) >= 2:
            frequencies[cp] = {s: v for s, v in share.items() if s in toneless}
            key_cp = simplify(cp)
            for syllable in toneless - set(share):
                # Words are keyed by simplified form: 單 counts the words of 单.
                n = in_words.get((key_cp, syllable), 0)
                if n < RARE_WORDS:
                    frequencies[cp][syllable] = 0
                else:
                    frequencies[cp][syllable] = n * 1000 // char_words[key_cp]
                    from_words.add((cp, syllable))
                    if syllable in standard.get(cp, standard.get(key_cp, ())):
                        from_standard.add((cp, syllable))
    words_of = {}
    for key, per_char in kept.items():
        for cp, options in zip(key, per_char):
            words_of[cp] = words_of.get(cp, 0) + 1
    # Characters without corpus counts (掺, 晟, 炔, 隗): shares of the dictionary words that
    # read them each way, when enough words exist. Only characters that are their own lookup
    # form: the words of 合 say nothing about 閤 gé.
    by_words = set()
    for cp, readings in char_readings.items():
        toneless = {s for s, _ in readings}
        if cp in frequencies or len(toneless) < 2 or not is_han(cp) or simplify(cp) != cp:
            continue
        key_cp = simplify(cp)
        total = words_of.get(key_cp, 0)
        if total < WORD_SHARE_MINIMUM:
            continue
        counts = {s: in_words.get((key_cp, s), 0) for s in toneless}
        share = {s: (1000 * n + total // 2) // total for s, n in counts.items()}
        # The modern standard dictionary's readings stay usual however few words use them:
        # measure words and surnames are in no word list (幢 zhuàng, 覃 qín, 阇 dū).
        for s in standard.get(cp, ()):
            if s in share:
                share[s] = max(share[s], STANDARD_SHARE)
        # So do the readings a semantic variant has (沈 chén, the older form of 沉): word
        # lists write them with the variant, so the character's own words undercount them.
        for variant in semantic.get(cp, ()):
            for s, _ in char_readings.get(variant, ()):
                if s in share:
                    share[s] = max(share[s], STANDARD_SHARE)
        frequencies[cp] = share
        by_words.add(cp)

    def minor(cp, options, first):
        syllables = {s for s, _ in options}
        most = max(in_words.get((cp, s), 0) for s in syllables)
        if most < MINOR_READING * words_of[cp]:
            return True
        placed = words_in_place.get((cp, first), 0)
        if placed < PLACE_WORDS_MINIMUM:
            return False
        return max(in_place.get((cp, first, s), 0) for s in syllables) < MINOR_READING * placed

    words_with = words_with_readings(kept)
    bound = bound_readings(words_with, frequencies, by_words, char_readings)
    bound.update(bound_word_readings(words_with, by_words, char_readings, standard, older))
    transliteration = transliteration_readings(kept, char_readings, words_of)
    for (cp, syllable), partner in bound.items():
        frequencies[cp][syllable] = 0

    unconfirmed = {}
    for key, by in listed_by.items():
        if len(by) == 1 and key not in collocations:
            marks = [minor(cp, options, i == 0) and not backed_by_inner_word(key, i, kept, listed_by)
                     for i, (cp, options) in enumerate(zip(key, kept[key]))]
            if any(marks):
                unconfirmed[key] = marks
    unit_weights = weights(simplify)
    return (char_readings, syllables, index, kept, collocations, norm_pairs, alt_pairs, frequencies,
            unconfirmed, by_words, bound, from_words, from_standard, transliteration, unit_weights)


def transliteration_readings(kept, char_readings, words_of):
    """{character: (syllable, tone)} for polyphonic characters that transliterations read one
    way (勒 lè in 圣赫勒拿, 赫勒斯滂; 塞 sài in 塞尔维亚): the word table's words of three or more
    characters with two TRANSLITERATION_CHARACTERS besides the character (see the constants)."""
    names = {ord(c) for c in TRANSLITERATION_CHARACTERS}
    counts = {}
    tones = {}
    for key, per_char in kept.items():
        if len(key) < 3:
            continue
        for i, (cp, options) in enumerate(zip(key, per_char)):
            if sum(other in names for j, other in enumerate(key) if j != i) < 2:
                continue
            per = counts.setdefault(cp, {})
            for syllable in {s for s, _ in options}:
                per[syllable] = per.get(syllable, 0) + 1
            for reading in options:
                tones[(cp, reading)] = tones.get((cp, reading), 0) + 1
    table = {}
    for cp, per in counts.items():
        if len({s for s, _ in char_readings.get(cp, ())}) < 2:
            continue
        total = sum(per.values())
        syllable = max(sorted(per), key=lambda s: per[s])
        if (total >= TRANSLITERATION_WORDS and per[syllable] >= TRANSLITERATION_AGREE * total
                and total >= TRANSLITERATION_SHARE * words_of[cp]):
            # The tone those words give it most (a full tone first), for the message.
            toned = [r for r in tones if r[0] == cp and r[1][0] == syllable]
            table[cp] = max(sorted(toned), key=lambda r: (tones[r], r[1][1] != 5))[1]
    return table


def words_with_readings(kept):
    """{(character, toneless syllable): [(word, index of the character in it)]}."""
    words_with = {}
    for key, per_char in kept.items():
        for i, (cp, options) in enumerate(zip(key, per_char)):
            for syllable in {s for s, _ in options}:
                words_with.setdefault((cp, syllable), []).append((key, i))
    return words_with


def bound_readings(words_with, frequencies, by_words, char_readings):
    """{(character, syllable): (partner, side)} for counted readings that the word table ties to
    one neighbour: at least BOUND_WORDS words read the character so, at least BOUND_SHARE of
    them have the same character next to it on the same side (side '>' after it, '<' before
    it), and words read the character some other way too (什 shén: 14 of 17 words have 么
    after it, 58 words read 什 shí; 蛤 há: 蛤蟆; 卜 bo: 萝卜). The corpus counts such a reading
    inside its word; a character standing alone without that neighbour does not take it.
    `words_with` is words_with_readings() of the word table."""
    bound = {}
    for cp in sorted(frequencies):
        if cp in by_words:
            continue
        for syllable, share in sorted(frequencies[cp].items()):
            words = words_with.get((cp, syllable), [])
            if share < BOUND_MINIMUM_SHARE or len(words) < BOUND_WORDS:
                continue
            others = sum(len(words_with.get((cp, r), [])) for r, _ in char_readings[cp]
                         if r != syllable)
            if others < BOUND_OTHER_WORDS:
                continue
            sides = {}
            for key, i in words:
                for neighbour in ({(">", key[i + 1])} if i + 1 < len(key) else set()) | (
                        {("<", key[i - 1])} if i > 0 else set()):
                    sides[neighbour] = sides.get(neighbour, 0) + 1
            (side, partner), n = max(sorted(sides.items()), key=lambda kv: kv[1])
            if n >= BOUND_SHARE * len(words):
                bound[(cp, syllable)] = (partner, side)
    return bound


def bound_word_readings(words_with, by_words, char_readings, standard, older):
    """{(character, syllable): (partner, side)} for characters whose shares come from words
    (no corpus counts): readings that every word giving them ties to the same neighbour, while
    the character's other readings fill many more words (俟 qí only in 万俟, sì in 8 words; 兹
    cí only in 龟兹; 券 xuàn only in 拱券). Such a reading belongs to that word (a surname, a
    place, a term); the character alone takes another. A reading the modern standard lists
    is bound too: it lists 俟 qí for the surname. Not for partners that are place-name suffixes
    (see PLACE_SUFFIXES), nor for a reading that kTGHZ2013 added over kXHC1983: the modern
    standard lists it for current use beyond the old words (曝 bào: 曝光, and 曝出 in the
    news), nor for one that only idioms of four characters give (潦 lǎo: 潦原浸天): an idiom
    keeps a classical reading that classical text uses alone too (行潦 lǎo). `standard` and
    `older` are the kTGHZ2013 and kXHC1983 readings, `words_with` words_with_readings()."""
    suffixes = {ord(c) for c in PLACE_SUFFIXES}
    bound = {}
    for cp in sorted(by_words):
        syllables = sorted({s for s, _ in char_readings[cp]})
        for syllable in syllables:
            words = words_with.get((cp, syllable), [])
            if not words:
                continue
            if syllable in standard.get(cp, ()) and syllable not in older.get(cp, ()):
                continue
            if all(len(key) >= 4 for key, _ in words):
                continue
            other_words = [key for r in syllables if r != syllable
                           for key, _ in words_with.get((cp, r), [])]
            others = len(other_words)
            if others < BOUND_WORD_OTHERS or others < BOUND_WORD_RATIO * len(words):
                continue
            if sum(len(key) == 2 for key in other_words) < BOUND_WORD_PAIRS:
                continue
            sides = None
            for key, i in words:
                here = ({(">", key[i + 1])} if i + 1 < len(key) else set()) | (
                    {("<", key[i - 1])} if i > 0 else set())
                sides = here if sides is None else sides & here
            if not sides:
                continue
            # Where the words share a neighbour on both sides (a single word of three or more
            # characters), the one before is taken ('<' sorts first): the same choice, and
            # message, from run to run.
            side, partner = min(sides)
            if partner not in suffixes:
                bound[(cp, syllable)] = (partner, side)
    return bound


def code(index, reading):
    syllable, tone = reading
    value = index[syllable] * 8 + tone
    return CODE_ALPHABET[value >> 6] + CODE_ALPHABET[value & 63]


def sort_key(reading):
    return (reading[0].encode("utf-8"), reading[1])


def key_characters(value, count):
    """`value` in `count` KEY_ALPHABET characters, high six bits first."""
    return "".join(KEY_ALPHABET[(value >> (6 * (count - 1 - n))) & 63] for n in range(count))


def record_offsets(lines):
    """Byte offset of each record in the literal of `lines` (joined by line breaks)."""
    offsets = []
    at = 0
    for line in lines:
        start = 0
        for end in (i for i, c in enumerate(line) if c == " "):
            offsets.append(at + start)
            start = end + 1
        at += len(line.encode("utf-8")) + 1
    return offsets


def pair_bit(first, second):
    """PinyinWords.pairBit: a multiplicative hash of two dense indices into PAIR_BITS bits."""
    packed = first << 16 | second
    return ((packed * 0x9E3779B97F4A7C15) % (1 << 64) >> 40) & (PAIR_BITS - 1)


def pair_set(kept, dense):
    """The pair set as 64-bit words, lowest bit first: pair_bit of each word's first two
    characters set."""
    words = [0] * (PAIR_BITS // 64)
    for key in kept:
        bit = pair_bit(dense[key[0]], dense[key[1]])
        words[bit >> 6] |= 1 << (bit & 63)
    return words


def key_bit(lanes):
    """PinyinWords.keyBit: a multiplicative hash of a word's packed key (four dense indices,
    the first highest) into KEY_BITS bits."""
    packed = lanes[0] << 48 | lanes[1] << 32 | lanes[2] << 16 | lanes[3]
    return ((packed * 0xC2B2AE3D27D4EB4F) % (1 << 64) >> 40) & (KEY_BITS - 1)


def key_set(kept, dense):
    """The key set as 64-bit words, lowest bit first: key_bit of each word's key set."""
    words = [0] * (KEY_BITS // 64)
    for key in kept:
        bit = key_bit([dense[cp] for cp in key] + [0] * (4 - len(key)))
        words[bit >> 6] |= 1 << (bit & 63)
    return words


def chunked(records):
    lines = []
    for start in range(0, len(records), LINE_RECORDS):
        lines.append("".join(records[start:start + LINE_RECORDS]))
    return lines


HEADER = """// GENERATED by Scripts/generate-pinyin-tables.py -- do not edit.
// Transformed (normalised, merged, re-encoded) from: {source}.
// Sources and licenses: PROVENANCE.md, section "Pinyin". {summary}.
"""


def swift_string_file(type_doc, type_name, member_doc, member, source, summary, lines):
    body = "\n".join(lines)
    return (HEADER.format(source=source, summary=summary)
            + "\n" + type_doc + "\n"
            + "enum %s {\n" % type_name
            + "    " + member_doc + "\n"
            + "    static let %s = #\"\"\"\n" % member
            + body + "\n"
            + "\"\"\"#\n"
            + "}\n")


def swift_strings_file(type_doc, type_name, members, source, summary):
    """A file of one enum holding several literals: (doc, name, lines) each, where lines is a
    string literal's lines or an (element type, integers) array."""
    text = (HEADER.format(source=source, summary=summary)
            + "\n" + type_doc + "\n"
            + "enum %s {\n" % type_name)
    for n, (member_doc, member, lines) in enumerate(members):
        if n:
            text += "\n"
        text += "    " + member_doc + "\n"
        if isinstance(lines, tuple):
            element, values = lines
            text += "    static let %s: [%s] = %s\n" % (member, element, swift_array(values, hexadecimal=True))
        else:
            text += ("    static let %s = #\"\"\"\n" % member
                     + "\n".join(lines) + "\n"
                     + "\"\"\"#\n")
    return text + "}\n"


def swift_array(values, hexadecimal=False):
    """An array literal of integers, ARRAY_LINE a line, indented for a static property."""
    items = ["0x%X" % v if hexadecimal else str(v) for v in values]
    lines = ["        " + ", ".join(items[i:i + ARRAY_LINE]) + "," for i in range(0, len(items), ARRAY_LINE)]
    return "[\n" + "\n".join(lines) + "\n    ]"


def character_table_file(char_readings, index):
    """The character table as integer arrays, which the compiler lays out in the binary: the
    first glossed page reads them as they are instead of decoding 250 kB of records."""
    codes, flat, outside, starts = [], [0] * (FLAT_END - FLAT_START), [], []
    for cp in sorted(char_readings):
        if not is_han(cp):
            continue
        start = len(codes)
        codes += [index[syllable] * 8 + tone for syllable, tone in sorted(char_readings[cp], key=sort_key)]
        if FLAT_START <= cp < FLAT_END:
            assert len(codes) - start < 16, "a character with sixteen readings or more"
            flat[cp - FLAT_START] = start << 4 | (len(codes) - start)
        else:
            outside.append(cp)
            starts.append(start)
    starts.append(len(codes))
    count = sum(1 for entry in flat if entry) + len(outside)
    return (HEADER.format(source="Unihan 15 (kMandarin, kHanyuPinyin, kXHC1983, kTGHZ2013, kHanyuPinlu)",
                          summary="%d characters" % count)
            + "\n/// Readings of every Han character Unihan gives a Mandarin reading (union of all fields).\n"
            + "enum PinyinCharacterTableData {\n"
            + "    /// Characters in the table.\n"
            + "    static let characterCount = %d\n\n" % count
            + "    /// Every character's reading codes (syllable index * 8 + tone), character after\n"
            + "    /// character in code point order, each character's sorted by syllable then tone.\n"
            + "    static let codes: [UInt16] = %s\n\n" % swift_array(codes)
            + "    /// For U+%04X..<U+%04X (`PinyinTableCode.flatRange`), by code point minus its start:\n"
              % (FLAT_START, FLAT_END)
            + "    /// where the character's codes start in `codes`, shifted left by 4, or'ed with their\n"
            + "    /// count; 0 for a character without readings.\n"
            + "    static let flat: [UInt32] = %s\n\n" % swift_array(flat)
            + "    /// The characters outside that range, ascending.\n"
            + "    static let outsideScalars: [UInt32] = %s\n\n" % swift_array(outside, hexadecimal=True)
            + "    /// Where each of `outsideScalars` starts in `codes`; one entry more, ending the last.\n"
            + "    static let outsideStarts: [Int32] = %s\n" % swift_array(starts)
            + "}\n")


def render(tables):
    (char_readings, syllables, index, kept, collocations, norm_pairs, alt_pairs, frequencies,
     unconfirmed, by_words, bound, from_words, from_standard, transliteration, unit_weights) = tables
    files = {}

    files["PinyinTransliterationTable.generated.swift"] = swift_string_file(
        "/// Readings that transliterations of foreign names give polyphonic characters.",
        "PinyinTransliterationTableData",
        "/// The transliteration characters on the first line; then records of one character and "
        "its syllable and tone (5: neutral).",
        "records", "pypinyin 0.55.0 phrases (MIT), CC-CEDICT via pypinyin-dict 0.9.0 (CC BY-SA 4.0)",
        "%d characters" % len(transliteration),
        [TRANSLITERATION_CHARACTERS]
        + [" ".join(chr(cp) + "%s%d" % transliteration[cp] for cp in sorted(transliteration))])

    scalars, starts, entries, from_word_lists, neighbours = [], [0], [], [], []
    for cp in sorted(frequencies):
        share = frequencies[cp]
        scalars.append(cp)
        from_word_lists.append(1 if cp in by_words else 0)
        for s in sorted(share, key=lambda s: s.encode("utf-8")):
            flags = (WORD_SHARE_FLAG if (cp, s) in from_words else 0) | (
                STANDARD_FLAG if (cp, s) in from_standard else 0)
            entries.append(index[s] << 16 | share[s] | flags)
            partner, side = bound.get((cp, s), (0, ">"))
            assert partner or (cp, s) not in bound, "a bound reading without a neighbour"
            neighbours.append(partner | (0x80000000 if side == "<" else 0))
        starts.append(len(entries))
    files["PinyinFrequencyTable.generated.swift"] = swift_strings_file(
        "/// Share of each toneless reading of a polyphonic character in running text.",
        "PinyinFrequencyTableData",
        [("/// The characters, ascending.", "scalars", ("UInt32", scalars)),
         ("/// Where each character's entries start in `entries`; one more, ending the last.", "starts",
          ("Int32", starts)),
         ("/// Per reading: syllable index << 16, the per-mille share, WORD_SHARE_FLAG (0x800) and "
          "STANDARD_FLAG (0x400).", "entries", ("UInt32", entries)),
         ("/// Per character, 1 when its shares are those of dictionary words ('~').", "fromWords",
          ("UInt8", from_word_lists)),
         ("/// Per reading, the neighbour a bound reading needs (bit 31: before the character); 0 "
          "for others.", "bound", ("UInt32", neighbours))],
        "Unihan 15 kHanyuPinlu and kMandarin, pypinyin 0.55.0 character readings",
        "%d characters" % len(scalars))

    whole = [s for s in syllables if s in WHOLE_TOKEN_ONLY]
    files["PinyinSyllableTable.generated.swift"] = swift_string_file(
        "/// Every toneless Mandarin syllable that Unihan and the word sources use, in byte order; "
        "`ü` is written `v`.",
        "PinyinSyllableTableData",
        "/// Space-separated syllables; a syllable's position is its index in reading codes.",
        "syllables", "Unihan 15 readings and the word sources",
        "%d syllables; whole-token-only: %s" % (len(syllables), " ".join(whole)),
        [" ".join(syllables[i:i + 24]) for i in range(0, len(syllables), 24)])

    files["PinyinCharacterTable.generated.swift"] = character_table_file(char_readings, index)

    records = []
    packed_keys = []
    ambiguous = 0
    word_characters = sorted({cp for key in kept for cp in key})
    dense = {cp: n + 1 for n, cp in enumerate(word_characters)}
    for key in sorted(kept):
        per_char = kept[key]
        parts = []
        marks = unconfirmed.get(key, [False] * len(per_char))
        for options, mark in zip(per_char, marks):
            ordered = sorted(options, key=sort_key)
            parts.append(("?" if mark else "") + "+".join(code(index, r) for r in ordered))
        if any(len({s for s, _ in options}) > 1 for options in per_char):
            ambiguous += 1
        mark = "!" if key in collocations else ""
        if key in unit_weights:
            mark += "#" + CODE_ALPHABET[unit_weights[key]]
        records.append(mark + "".join(parts) + " ")
        lanes = [dense[cp] for cp in key] + [0] * (4 - len(key))
        packed_keys.append("".join(key_characters(lane, 3) for lane in lanes))
    assert len(word_characters) < 1 << 16, "dense indices are 16 bits in the decoder's keys"
    record_lines = chunked(records)
    offsets = record_offsets(record_lines)
    assert len(offsets) == len(packed_keys) and offsets[-1] < 1 << 24, "record offsets are 24 bits"
    entries = [k + key_characters(offset, 4) for k, offset in zip(packed_keys, offsets)]
    assert all(len(e) == KEY_ENTRY for e in entries)
    assert entries == sorted(entries), "the keys' characters sort as their keys"
    key_lines = ["".join(entries[i:i + KEY_LINE]) for i in range(0, len(entries), KEY_LINE)]
    # Each line's first key, its twelve characters as a big-endian integer of eight and one of
    # four: a lookup searches these first and then one line, instead of pages across the whole
    # literal.
    line_high = [int.from_bytes(line[:8].encode("ascii"), "big") for line in key_lines]
    line_low = [int.from_bytes(line[8:12].encode("ascii"), "big") for line in key_lines]
    pairs = pair_set(kept, dense)
    key_bits = key_set(kept, dense)
    files["PinyinWordTable.generated.swift"] = swift_strings_file(
        "/// Readings of 2-4 character words, keyed by simplified form.",
        "PinyinWordTableData",
        [("/// Every character of the words, in code point order (dense index: place + 1).",
          "characters", ("UInt32", word_characters)),
         ("/// Per word, in the records' order: four dense indices of three key characters, and "
          "its record's offset in four.", "keys", key_lines),
         ("/// The first eight key characters of each line of `keys`, as a big-endian integer.",
          "lineFirstHigh", ("UInt64", line_high)),
         ("/// The next four key characters of each line's first entry, as a big-endian integer.",
          "lineFirstLow", ("UInt32", line_low)),
         ("/// A bit per hash of two dense indices, set when a word starts with that pair; 64 "
          "a word, lowest first.", "pairs", ("UInt64", pairs)),
         ("/// A bit per hash of a word's packed key, set for every word's; 64 a word, lowest "
          "first.", "keyBits", ("UInt64", key_bits)),
         ("/// Per word, its marks and one reading code per character ('+' adds alternatives), "
          "and a space.", "records", record_lines)],
        "pypinyin 0.55.0 phrases (MIT), CC-CEDICT via pypinyin-dict 0.9.0 "
        "(CC BY-SA 4.0), Scripts/pinyin-context-words.txt; weights from jieba 0.42.1 dict.txt (MIT)",
        "%d words, %d with several toneless readings for a character, %d weighed" % (
            len(records), ambiguous, sum(1 for key in kept if key in unit_weights)))

    single = {key[0]: w for key, w in unit_weights.items() if len(key) == 1}
    flat = [single.get(cp, 0) for cp in range(FLAT_START, FLAT_END)]
    others = sorted(cp for cp in single if not FLAT_START <= cp < FLAT_END)
    assert all(single[cp] > 0 for cp in single), "a weight of 0 means no weight in the flat array"
    files["PinyinWeightTable.generated.swift"] = swift_strings_file(
        "/// Weights of single Han characters as words of their own, from corpus counts: "
        "round(4 ln(count + 1)).",
        "PinyinWeightTableData",
        [("/// By code point minus U+%04X (`PinyinTableCode.flatRange`), the weight; 0 where "
          "the corpus does not count the character." % FLAT_START, "flat", ("UInt8", flat)),
         ("/// The characters beyond that range that the corpus counts, ascending.", "otherScalars",
          ("UInt32", others)),
         ("/// Their weights, in the same order.", "otherWeights", ("UInt8", [single[cp] for cp in others]))],
        "jieba 0.42.1 dict.txt (MIT)", "%d characters" % len(single))

    single = ["".join(chr(t) + chr(s) for t, s in norm_pairs[i:i + 32])
              for i in range(0, len(norm_pairs), 32)]
    alts = "".join(chr(c) + chr(a) for c, a in alt_pairs)
    files["PinyinHanNormalizationTable.generated.swift"] = swift_string_file(
        "/// Traditional to simplified character pairs (Unihan kSimplifiedVariant) for word lookup.",
        "PinyinHanNormalizationTableData",
        "/// Pairs of character and lookup form; after '|', pairs of character and alternative form.",
        "pairs", "Unihan 15 kSimplifiedVariant",
        "%d one-to-one pairs, %d alternatives" % (len(norm_pairs), len(alt_pairs)),
        single + ["|" + alts])
    return files


def main(argv):
    tables = build()
    files = render(tables)
    if "--stats" in argv:
        for name, text in sorted(files.items()):
            print("%-48s %9d bytes" % (name, len(text.encode("utf-8"))))
        return 0
    if "--check" in argv:
        stale = []
        for name, text in sorted(files.items()):
            path = os.path.join(OUT_DIR, name)
            try:
                with open(path, encoding="utf-8") as f:
                    if f.read() != text:
                        stale.append(name)
            except FileNotFoundError:
                stale.append(name)
        for name in stale:
            print("stale: Sources/ChaffData/%s" % name, file=sys.stderr)
        return 1 if stale else 0
    for name, text in sorted(files.items()):
        with open(os.path.join(OUT_DIR, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
