#!/usr/bin/env python3
"""Generate chaff's Unicode lookup tables from the Unicode Character Database.

Reads the UCD and Unihan files shipped by Debian's `unicode-data` package (Unicode 15.0.0)
and writes `Sources/ChaffData/*.generated.swift`. Large tables are not Swift array literals
(swiftc type-checks those slowly): every table is a sequence of unsigned integers written as a
string of variable-length base64url digits, decoded lazily at run time by `PackedIntegers`.

Encoding of one integer: little-endian groups of 5 bits; each group is one character of the
alphabet below whose value is the group plus 32 when more groups follow. Sequences of sorted
code points are delta-encoded, so most integers take one or two characters.

Usage:
    Scripts/generate-unicode-tables.py [--ucd DIR] [--check]

`--check` regenerates in memory and exits 1 when a committed file differs or is missing.
The output depends only on the input files, so re-running reproduces it byte for byte.
"""

import argparse
import bz2
import os
import re
import sys

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
LINE_WIDTH = 96
MAX_CODE_POINT = 0x10FFFF
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT_DIR = os.path.join(REPO_ROOT, "Sources", "ChaffData")
GENERATOR = "Scripts/generate-unicode-tables.py"


# ---------------------------------------------------------------------------------------------
# Reading the UCD
# ---------------------------------------------------------------------------------------------

def read_lines(path):
    """Yields (fields, line) for every data line of a semicolon-separated UCD file."""
    opener = bz2.open if path.endswith(".bz2") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            data = line.split("#", 1)[0].strip()
            if data:
                yield [field.strip() for field in data.split(";")]


def parse_range(text):
    if ".." in text:
        low, high = text.split("..")
        return int(low, 16), int(high, 16)
    value = int(text, 16)
    return value, value


def file_version(path):
    """The Unicode version a UCD file declares in its header, e.g. "15.0.0"."""
    opener = bz2.open if path.endswith(".bz2") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        head = handle.read(4096)
    match = re.search(r"-(\d+\.\d+\.\d+)\.txt", head) or re.search(
        r"Unicode version: (\d+\.\d+\.\d+)", head) or re.search(r"Version (\d+\.\d+\.\d+)", head)
    if not match:
        sys.exit(f"error: no Unicode version in the header of {path}")
    return match.group(1)


def script_aliases(ucd):
    """Returns [(short, long)] for every Script value, in file order."""
    aliases = []
    for fields in read_lines(os.path.join(ucd, "PropertyValueAliases.txt")):
        if fields[0] == "sc":
            aliases.append((fields[1], fields[2]))
    return aliases


def script_codes(aliases):
    """Assigns the UInt8 codes: Common, Inherited, Unknown first, then by long name."""
    special = ["Common", "Inherited", "Unknown"]
    longs = special + sorted(long for _, long in aliases if long not in special)
    if len(longs) > 256:
        sys.exit("error: more than 256 scripts; ScriptSet and UnicodeScript need a wider code")
    short_of = {long: short for short, long in aliases}
    return [(long, short_of[long]) for long in longs]


def ranges_to_runs(assignments, default):
    """Turns {code point range: value} into [(start, value)] runs covering 0...10FFFF."""
    values = [default] * (MAX_CODE_POINT + 1)
    for (low, high), value in assignments:
        values[low:high + 1] = [value] * (high - low + 1)
    runs = []
    previous = None
    for code_point, value in enumerate(values):
        if value != previous:
            runs.append((code_point, value))
            previous = value
    return runs


def boundaries(runs):
    """Start points where a boolean property flips, the first run being `False` at 0."""
    result = []
    state = False
    for start, value in runs:
        if bool(value) != state:
            result.append(start)
            state = bool(value)
    return result


def load_scripts(ucd, codes):
    code_of = {long: index for index, (long, _) in enumerate(codes)}
    assignments = [(parse_range(fields[0]), code_of[fields[1]])
                   for fields in read_lines(os.path.join(ucd, "Scripts.txt"))]
    return ranges_to_runs(assignments, code_of["Unknown"])


def load_script_extensions(ucd, codes):
    """Returns (sets, runs): distinct sorted code tuples, and runs of set index + 1 (0 = none)."""
    code_of = {short: index for index, (_, short) in enumerate(codes)}
    listed = []
    for fields in read_lines(os.path.join(ucd, "ScriptExtensions.txt")):
        members = tuple(sorted(code_of[short] for short in fields[1].split()))
        listed.append((parse_range(fields[0]), members))
    sets = sorted(set(members for _, members in listed))
    if len(sets) > 254:
        sys.exit("error: more than 254 distinct Script_Extensions sets; widen the index")
    index_of = {members: index + 1 for index, members in enumerate(sets)}
    runs = ranges_to_runs([(span, index_of[members]) for span, members in listed], 0)
    return sets, runs


def load_wide(ucd):
    # The file's header gives these defaults for unlisted code points; explicit lines override.
    defaults = [((0x3400, 0x4DBF), True), ((0x4E00, 0x9FFF), True), ((0xF900, 0xFAFF), True),
                ((0x20000, 0x2FFFD), True), ((0x30000, 0x3FFFD), True)]
    listed = [(parse_range(fields[0]), fields[1] in ("W", "F"))
              for fields in read_lines(os.path.join(ucd, "EastAsianWidth.txt"))]
    return boundaries(ranges_to_runs(defaults + listed, False))


def load_word_characters(ucd):
    """General_Category L*, M* and Nd, from UnicodeData.txt (First/Last pairs are ranges)."""
    assignments = []
    pending_first = None
    for fields in read_lines(os.path.join(ucd, "UnicodeData.txt")):
        code_point = int(fields[0], 16)
        name, category = fields[1], fields[2]
        is_word = category[0] in "LM" or category == "Nd"
        if name.endswith(", First>"):
            pending_first = code_point
            continue
        if name.endswith(", Last>"):
            assignments.append(((pending_first, code_point), is_word))
            pending_first = None
            continue
        assignments.append(((code_point, code_point), is_word))
    return boundaries(ranges_to_runs(assignments, False))


def unihan_fields(path, fields):
    """Yields (code point, field, value) for the wanted fields of a bzip2-compressed Unihan file."""
    with bz2.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            code_point, field, value = line.rstrip("\n").split("\t")
            if field in fields:
                yield int(code_point[2:], 16), field, value


def load_han_variants(ucd):
    """Returns ({source: [targets]} for kSimplifiedVariant, same for kTraditionalVariant)."""
    simplified, traditional = {}, {}
    path = os.path.join(ucd, "Unihan_Variants.txt.bz2")
    for code_point, field, value in unihan_fields(
            path, ("kSimplifiedVariant", "kTraditionalVariant")):
        targets = [int(item.split("<")[0][2:], 16) for item in value.split()]
        table = simplified if field == "kSimplifiedVariant" else traditional
        table[code_point] = targets
    return simplified, traditional


def load_character_set_membership(ucd, candidates):
    """Which candidates Big5 encodes (kBigFive) and which the 2013 Table of General Standard
    Chinese Characters lists (kTGH), as two sorted lists."""
    big_five, general_standard = set(), set()
    path = os.path.join(ucd, "Unihan_OtherMappings.txt.bz2")
    for code_point, field, _ in unihan_fields(path, ("kBigFive", "kTGH")):
        if code_point in candidates:
            (big_five if field == "kBigFive" else general_standard).add(code_point)
    return sorted(big_five), sorted(general_standard)


# ---------------------------------------------------------------------------------------------
# Encoding
# ---------------------------------------------------------------------------------------------

def encode_integers(values):
    out = []
    for value in values:
        if value < 0:
            raise ValueError("negative value in a packed sequence")
        while True:
            group = value & 31
            value >>= 5
            if value:
                out.append(ALPHABET[group | 32])
            else:
                out.append(ALPHABET[group])
                break
    return "".join(out)


def delta_encode(sorted_values):
    result, previous = [], 0
    for value in sorted_values:
        result.append(value - previous)
        previous = value
    return result


def encode_runs(runs):
    """count, then (start delta, value) pairs."""
    values = [len(runs)]
    previous = 0
    for start, value in runs:
        values += [start - previous, value]
        previous = start
    return values


def encode_boundaries(points):
    return [len(points)] + delta_encode(points)


def variant_arrays(table):
    """(sources ascending, where each source's targets start and the last ends, targets)."""
    sources, starts, targets = sorted(table), [0], []
    for source in sources:
        targets += table[source]
        starts.append(len(targets))
    return sources, starts, targets


def swift_array(values, hexadecimal):
    """An array literal of integers, wrapped and indented for a static property."""
    items = [f"0x{v:X}" if hexadecimal else str(v) for v in values]
    lines, line = [], ""
    for item in items:
        if line and len(line) + 2 + len(item) > LINE_WIDTH:
            lines.append(line + ",")
            line = item
        else:
            line = f"{line}, {item}" if line else item
    if line:
        lines.append(line + ",")
    return "[\n" + "\n".join("        " + l for l in lines) + "\n    ]"


def swift_literal(values):
    text = encode_integers(values)
    lines = [text[i:i + LINE_WIDTH] for i in range(0, len(text), LINE_WIDTH)] or [""]
    return '"""\n' + "\n".join(lines) + '\n"""'


# ---------------------------------------------------------------------------------------------
# Swift output
# ---------------------------------------------------------------------------------------------

def header(version, sources, form="packed integer sequences"):
    files = " and ".join(sources)
    return (
        f"// GENERATED by {GENERATOR} — do not edit.\n"
        f"// Source: Unicode {version}, {files},\n"
        f"// transformed into {form}. Copyright © 1991-2022 Unicode, Inc.\n"
        "// License: Unicode data files license, see Sources/ChaffData/PROVENANCE.md.\n\n"
    )


def camel_case(long_name):
    parts = long_name.split("_")
    first = parts[0][0].lower() + parts[0][1:]
    return first + "".join(part[0].upper() + part[1:] for part in parts[1:])


def render_version(version):
    return header(version, ["ReadMe.txt"]) + (
        "/// The version of the Unicode Character Database the ChaffData tables come from.\n"
        "public enum UnicodeDataVersion {\n"
        "    /// The Unicode version, e.g. \"15.0.0\".\n"
        f"    public static let unicode = \"{version}\"\n"
        "}\n"
    )


def render_script_constants(version, codes):
    out = [header(version, ["PropertyValueAliases.txt"])]
    out.append("extension UnicodeScript {\n")
    out.append("    /// The number of script codes in use; codes run from 0 to `count - 1`.\n")
    out.append(f"    @inlinable public static var count: Int {{ {len(codes)} }}\n")
    for index, (long, short) in enumerate(codes):
        out.append(f"\n    /// Script `{long}` (ISO 15924 `{short}`).\n")
        out.append(f"    @inlinable public static var {camel_case(long)}: UnicodeScript {{\n"
                   f"        UnicodeScript(rawValue: {index})\n    }}\n")
    out.append("}\n")
    return "".join(out)


def render_script_data(version, codes, runs):
    names = wrap_words([f"{long}:{short}" for long, short in codes])
    return header(version, ["Scripts.txt", "PropertyValueAliases.txt"]) + (
        "/// Packed Script property data, decoded by `ScriptTable`.\n"
        "enum ScriptData {\n"
        "    /// `Long:Short` script names separated by spaces or line breaks, in code order.\n"
        f"    static let names: StaticString = {indent_literal(names)}\n\n"
        "    /// Runs covering U+0000...U+10FFFF: count, then (start delta, script code) pairs.\n"
        f"    static let runs: StaticString = {indent_literal(swift_literal(encode_runs(runs)))}\n"
        "}\n"
    )


def render_script_extension_data(version, sets, runs):
    set_values = [len(sets)]
    for members in sets:
        set_values += [len(members)] + list(members)
    return header(version, ["ScriptExtensions.txt"]) + (
        "/// Packed Script_Extensions data, decoded by `ScriptTable`.\n"
        "enum ScriptExtensionData {\n"
        "    /// Distinct explicit sets: count, then per set its size and its script codes.\n"
        f"    static let sets: StaticString = {indent_literal(swift_literal(set_values))}\n\n"
        "    /// Runs covering U+0000...U+10FFFF: count, then (start delta, set index + 1) pairs;\n"
        "    /// 0 means the code point has no explicit entry (its extensions are its script).\n"
        f"    static let runs: StaticString = {indent_literal(swift_literal(encode_runs(runs)))}\n"
        "}\n"
    )


def render_boundary_data(version, source, type_name, doc, points):
    return header(version, [source]) + (
        f"/// {doc}\n"
        f"enum {type_name} {{\n"
        "    /// Code points where membership flips, starting outside at U+0000:\n"
        "    /// count, then deltas.\n"
        "    static let boundaries: StaticString = "
        f"{indent_literal(swift_literal(encode_boundaries(points)))}\n"
        "}\n"
    )


def render_han_variant_data(version, simplified, traditional, big_five, general_standard):
    """Arrays rather than packed strings: the compiler lays them out in the binary, so the
    mixed-script rule's first use reads them as they are instead of decoding about 80 kB."""
    lines = []
    for name, field, table in (("simplified", "kSimplifiedVariant", simplified),
                               ("traditional", "kTraditionalVariant", traditional)):
        sources, starts, targets = variant_arrays(table)
        lines += [
            f"    /// {field}: the characters that have one, ascending.\n",
            f"    static let {name}Sources: [UInt32] = {swift_array(sources, True)}\n\n",
            f"    /// Where each source's targets start in `{name}Targets`; one more entry than\n",
            "    /// sources, the last ending the final source's.\n",
            f"    static let {name}Starts: [Int32] = {swift_array(starts, False)}\n\n",
            f"    /// The {field} targets of each source in turn, in Unihan order.\n",
            f"    static let {name}Targets: [UInt32] = {swift_array(targets, True)}\n\n",
        ]
    return header(version, ["Unihan_Variants.txt", "Unihan_OtherMappings.txt"], "integer arrays") + (
        "/// Unihan kSimplifiedVariant / kTraditionalVariant data for `HanVariants`.\n"
        "enum HanVariantData {\n"
        + "".join(lines) +
        "    /// Characters with variant data that Big5 encodes (kBigFive), ascending.\n"
        f"    static let inBigFive: [UInt32] = {swift_array(sorted(big_five), True)}\n\n"
        "    /// Characters with variant data in the 2013 Table of General Standard Chinese\n"
        "    /// Characters (kTGH), ascending.\n"
        f"    static let inGeneralStandard: [UInt32] = {swift_array(sorted(general_standard), True)}\n"
        "}\n"
    )


def han_form(code_point, to_simplified, to_traditional, in_big_five, in_general_standard):
    """'S' (Simplified only), 'T' (Traditional only) or '=' (shared): the rule documented on
    `HanVariants`, from a character's kSimplifiedVariant and kTraditionalVariant targets."""
    in_simplified = (any(t != code_point for t in to_traditional) or not to_simplified
                     or (code_point in to_simplified and code_point in in_general_standard))
    in_traditional = (any(t != code_point for t in to_simplified) or not to_traditional
                      or (code_point in to_traditional and code_point in in_big_five))
    # A character is one system's only when the other system has a standard form for it: a
    # Simplified variant in the 2013 general table, a Traditional one in Big5. 瑙 (多瑙河)
    # simplifies only to 𰡻, an Extension G form no Simplified text uses, so it is shared.
    if not any(t != code_point and t in in_general_standard for t in to_simplified):
        in_simplified = True
    if not any(t != code_point and t in in_big_five for t in to_traditional):
        in_traditional = True
    if in_simplified and not in_traditional:
        return "S"
    if in_traditional and not in_simplified:
        return "T"
    return "="


def han_script_classes(codes, script_runs, simplified, traditional, big_five, general_standard):
    """The class of every BMP code point as `HanScriptCharacterClasses` reads it: the `HanForm`
    raw value for Script=Han (1 shared, 2 Simplified only, 3 Traditional only, by the rule
    documented on `HanVariants`), 4 for Hiragana and Katakana, 5 for Hangul, 0 otherwise."""
    code_of = {long: index for index, (long, _) in enumerate(codes)}
    han, hangul = code_of["Han"], code_of["Hangul"]
    kana = {code_of["Hiragana"], code_of["Katakana"]}
    in_big_five, in_general_standard = set(big_five), set(general_standard)
    classes = []
    run = 0
    for code_point in range(0x10000):
        while run + 1 < len(script_runs) and script_runs[run + 1][0] <= code_point:
            run += 1
        script = script_runs[run][1]
        if script == han:
            form = han_form(code_point, simplified.get(code_point, []), traditional.get(code_point, []),
                            in_big_five, in_general_standard)
            classes.append({"S": 2, "T": 3, "=": 1}[form])
        elif script in kana:
            classes.append(4)
        elif script == hangul:
            classes.append(5)
        else:
            classes.append(0)
    return classes


def script_mixing_boundaries(codes, script_runs, extension_sets, extension_runs, word_points):
    """Boundaries of the word characters whose resolved Script_Extensions (UTS #39 5.1: Common
    or Inherited alone count as every script) do not meet all three Highly Restrictive
    combinations: Latin + Han + Hiragana + Katakana, Latin + Han + Bopomofo, Latin + Han +
    Hangul. Only such a character can leave a word covered by no combination."""
    code_of = {long: index for index, (long, _) in enumerate(codes)}
    latin_han = {code_of["Latin"], code_of["Han"]}
    kana = {code_of["Hiragana"], code_of["Katakana"]}
    bopomofo, hangul = code_of["Bopomofo"], code_of["Hangul"]
    common_or_inherited = {code_of["Common"], code_of["Inherited"]}

    def expand(runs):
        values = [0] * (MAX_CODE_POINT + 1)
        for index, (start, value) in enumerate(runs):
            end = runs[index + 1][0] if index + 1 < len(runs) else MAX_CODE_POINT + 1
            if value:
                values[start:end] = [value] * (end - start)
        return values

    def covered_by_all(members):
        members = set(members)
        return bool(members & latin_han) or (bool(members & kana) and bopomofo in members
                                               and hangul in members)

    scripts = expand(script_runs)
    extensions = expand(extension_runs)
    safe_sets = [covered_by_all(members) for members in extension_sets]
    flags = []
    word = False
    word_index = 0
    for code_point in range(MAX_CODE_POINT + 1):
        while word_index < len(word_points) and word_points[word_index] <= code_point:
            word = not word
            word_index += 1
        if not word:
            flags.append(False)
        elif extensions[code_point]:
            flags.append(not safe_sets[extensions[code_point] - 1])
        else:
            script = scripts[code_point]
            flags.append(script not in common_or_inherited and not covered_by_all([script]))
    return boundaries(list(_runs_of(flags)))


def _runs_of(flags):
    previous = None
    for code_point, value in enumerate(flags):
        if value != previous:
            yield code_point, value
            previous = value


def render_han_script_class_data(version, classes):
    # One digit per code point, 256 per source line; a trailing backslash continues the line
    # without a line break, so byte `n` of the literal is the class of U+n.
    rows = ["".join(str(value) for value in classes[start:start + 256]) + "\\"
            for start in range(0, 0x10000, 256)]
    rows[-1] = rows[-1][:-1]
    literal = '"""\n' + "\n".join(rows) + '\n"""'
    return header(version, ["Scripts.txt", "Unihan_Variants.txt", "Unihan_OtherMappings.txt"]) + (
        "/// The class of every BMP code point for Simplified/Traditional counting, decoded by\n"
        "/// `HanScriptClassTable`: one ASCII digit per code point, U+0000 first.\n"
        "enum HanScriptClassData {\n"
        "    /// 0 other, 1 Han shared, 2 Simplified only, 3 Traditional only, 4 Kana, 5 Hangul.\n"
        f"    static let digits: StaticString = {indent_literal(literal)}\n"
        "}\n"
    )


def wrap_words(words):
    lines, line = [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > LINE_WIDTH:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return '"""\n' + "\n".join(lines) + '\n"""'


def indent_literal(literal):
    # A multi-line literal's lines must be indented at least as far as its closing delimiter.
    return "\n".join(("    " + line) if index else line
                     for index, line in enumerate(literal.split("\n")))


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------

def generate(ucd):
    sources = {
        "Scripts.txt": None, "ScriptExtensions.txt": None, "EastAsianWidth.txt": None,
        "PropertyValueAliases.txt": None, "ReadMe.txt": None, "Unihan_Variants.txt.bz2": None,
        "Unihan_OtherMappings.txt.bz2": None,
    }
    for name in sources:
        sources[name] = file_version(os.path.join(ucd, name))
    versions = set(sources.values())
    if len(versions) != 1:
        sys.exit(f"error: input files disagree on the Unicode version: {sources}")
    version = versions.pop()

    codes = script_codes(script_aliases(ucd))
    script_runs = load_scripts(ucd, codes)
    extension_sets, extension_runs = load_script_extensions(ucd, codes)
    word_points = load_word_characters(ucd)
    simplified, traditional = load_han_variants(ucd)
    big_five, general_standard = load_character_set_membership(
        ucd, set(simplified) | set(traditional))

    return {
        "UnicodeDataVersion.generated.swift": render_version(version),
        "UnicodeScriptConstants.generated.swift": render_script_constants(version, codes),
        "ScriptData.generated.swift": render_script_data(version, codes, script_runs),
        "ScriptExtensionData.generated.swift":
            render_script_extension_data(version, extension_sets, extension_runs),
        "EastAsianWidthData.generated.swift": render_boundary_data(
            version, "EastAsianWidth.txt", "EastAsianWidthData",
            "Packed East_Asian_Width data: code points that are Wide (W) or Fullwidth (F).",
            load_wide(ucd)),
        "WordCharacterData.generated.swift": render_boundary_data(
            version, "UnicodeData.txt", "WordCharacterData",
            "Packed General_Category data: code points in L*, M* or Nd.",
            word_points),
        "ScriptMixingData.generated.swift": render_boundary_data(
            version, "UnicodeData.txt, Scripts.txt and ScriptExtensions.txt", "ScriptMixingData",
            "Word characters whose resolved Script_Extensions miss one of the three Highly\n"
            "/// Restrictive combinations (see `ScriptMixingCharacters`).",
            script_mixing_boundaries(codes, script_runs, extension_sets, extension_runs,
                                     word_points)),
        "HanVariantData.generated.swift":
            render_han_variant_data(version, simplified, traditional, big_five, general_standard),
        "HanScriptClassData.generated.swift": render_han_script_class_data(
            version, han_script_classes(codes, script_runs, simplified, traditional, big_five,
                                        general_standard)),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ucd", default="/usr/share/unicode",
                        help="directory holding the UCD and Unihan files")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if a committed generated file differs")
    args = parser.parse_args()

    outputs = generate(args.ucd)
    stale = []
    for name, text in sorted(outputs.items()):
        path = os.path.join(OUTPUT_DIR, name)
        current = None
        if os.path.exists(path):
            with open(path, "r", encoding="utf-8", newline="") as handle:
                current = handle.read()
        if current == text:
            continue
        if args.check:
            stale.append(name)
        else:
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            print(f"wrote {os.path.relpath(path, REPO_ROOT)}")
    if stale:
        for name in stale:
            print(f"stale: Sources/ChaffData/{name}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
