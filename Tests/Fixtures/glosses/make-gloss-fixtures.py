#!/usr/bin/env python3
"""Write the gloss-checker fixtures in this folder from pypinyin's phrase table (MIT).

Words: 2-4 character words of pypinyin 0.55.0 `phrases_dict.json` with one reading per
character, made only of characters in Unihan kTGHZ2013 (the general standard list, i.e. common
characters), containing a character with several toneless readings (Unihan union, as in
Scripts/generate-pinyin-tables.py), without interjection syllables (ńg, hm). Every 30th such
word in code point order is taken.
Traditional forms come from the `opencc` command line tool (`-c s2tw`).

Files (UTF-8, one case per line):
  correct.txt  -- "<S|T>\t<glossed words joined by ，>": each word glossed with its own reading,
                  in rotating styles (per character or per word, toneless, tone marks, tone
                  digits, full-width parentheses). The checker must report nothing.
  ruby.html    -- every 3rd of those words as <ruby> markup (one <rt> per character, with <rp>,
                  or one <rt> for the word), one paragraph per line.
  wrong.txt    -- "<S|T>\t<glossed word>\t<index>\t<expected>": one word per line, its first
                  character that the word table decides (every table word around it agrees)
                  glossed with another reading of that character (toneless, two letters or
                  more); <expected> is the word's reading there (numbered). The checker must
                  flag it. Characters the table leaves undecided, and words with a one-letter
                  syllable (not a gloss: 阿(a)), are not injected.

Usage: python3 Tests/Fixtures/glosses/make-gloss-fixtures.py [--check]
"""

import importlib.util
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
spec = importlib.util.spec_from_file_location(
    "tables", os.path.join(ROOT, "Scripts", "generate-pinyin-tables.py"))
tables = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tables)

STEP = 30
RUBY_STEP = 3
PER_LINE = 8
MARKS = {1: "\u0304", 2: "\u0301", 3: "\u030c", 4: "\u0300"}


def marked(syllable, tone):
    """'jue', 2 -> 'jué' (tone mark on a or e, else o, else the last vowel)."""
    s = syllable.replace("v", "ü")
    if tone not in MARKS:
        return s
    if "a" in s:
        at = s.index("a")
    elif "e" in s:
        at = s.index("e")
    elif "o" in s:
        at = s.index("o")
    else:
        at = max(i for i, c in enumerate(s) if c in "iuü")
    import unicodedata
    return unicodedata.normalize("NFC", s[:at + 1] + MARKS[tone] + s[at + 1:])


def numbered(syllable, tone):
    return syllable + str(tone)


def gloss(word, readings, style):
    """The glossed text of one word in one of six styles."""
    plain = [s for s, _ in readings]
    if style == 0:
        return "".join("%s(%s)" % (c, s) for c, s in zip(word, plain))
    if style == 1:
        return "".join("%s(%s)" % (c, marked(s, t)) for c, (s, t) in zip(word, readings))
    if style == 2:
        return "%s(%s)" % (word, " ".join(marked(s, t) for s, t in readings))
    if style == 3:
        return "%s(%s)" % (word, "".join(plain))
    if style == 4:
        return "%s(%s)" % (word, " ".join(numbered(s, t) for s, t in readings))
    return "".join("%s（%s）" % (c, s) for c, s in zip(word, plain))


def ruby(word, readings, per_character):
    if not per_character:
        return "<ruby>%s<rt>%s</rt></ruby>" % (word, " ".join(marked(s, t) for s, t in readings))
    return "<ruby>" + "".join(
        "%s<rp>(</rp><rt>%s</rt><rp>)</rp>" % (c, marked(s, t)) for c, (s, t) in zip(word, readings)
    ) + "</ruby>"


def traditional(words):
    text = "\n".join(words) + "\n"
    out = subprocess.run(["opencc", "-c", "s2tw"], input=text, capture_output=True, text=True,
                         check=True).stdout
    result = out.rstrip("\n").split("\n")
    assert len(result) == len(words)
    return result


def select():
    readings = tables.unihan_readings()
    common = set()
    for cp, field, value in tables.read_unihan("Unihan_Readings.txt.bz2"):
        if field == "kTGHZ2013":
            common.add(cp)
    import pypinyin
    with open(os.path.join(os.path.dirname(pypinyin.__file__), "phrases_dict.json"),
              encoding="utf-8") as f:
        phrases = json.load(f)
    chosen = []
    for word in sorted(phrases, key=lambda w: [ord(c) for c in w]):
        per_char = phrases[word]
        if not 2 <= len(word) <= 4 or any(len(options) != 1 for options in per_char):
            continue
        if not all(ord(c) in common for c in word):
            continue
        if not any(len({s for s, _ in readings.get(ord(c), ())}) > 1 for c in word):
            continue
        normalised = [tables.normalise_reading(o[0]) for o in per_char]
        # Interjection syllables (ńg, hm) only stand alone; they are not glossed inside words.
        if any(s in tables.WHOLE_TOKEN_ONLY for s, _ in normalised):
            continue
        chosen.append((word, normalised))
    return chosen[::STEP], readings


def decided(form, j, table, single, alternative):
    """The one toneless reading that every table word inside `form` containing position j gives
    it, or None (no word, or words that disagree: the checker stays silent there)."""
    found = set()
    for start in range(0, j + 1):
        for end in range(max(j + 1, start + 2), min(len(form), start + 4) + 1):
            options = [[single.get(ord(c), ord(c))]
                       + ([alternative[ord(c)]] if ord(c) in alternative else [])
                       for c in form[start:end]]
            keys = [()]
            for forms in options:
                keys = [k + (f,) for k in keys for f in forms]
            for key in keys:
                if key in table:
                    found |= {s for s, _ in table[key][j - start]}
    return found.pop() if len(found) == 1 else None


def build():
    words, _ = select()
    char_readings, _, _, table, _, norm_pairs, alt_pairs = tables.build()
    single, alternative = dict(norm_pairs), dict(alt_pairs)
    trad = traditional([w for w, _ in words])
    correct, html, wrong = [], [], []
    for script, forms in (("S", [w for w, _ in words]), ("T", trad)):
        line = []
        for n, ((_, readings), form) in enumerate(zip(words, forms)):
            if len(form) != len(readings):
                continue
            line.append(gloss(form, readings, n % 6))
            if len(line) == PER_LINE:
                correct.append(script + "\t" + "，".join(line))
                line = []
        if line:
            correct.append(script + "\t" + "，".join(line))
        paragraph = []
        for n, ((_, readings), form) in enumerate(zip(words, forms)):
            if n % RUBY_STEP == 0 and len(form) == len(readings):
                paragraph.append(ruby(form, readings, n % 2 == 0))
            if len(paragraph) == PER_LINE:
                html.append("<p>" + "，".join(paragraph) + "</p>")
                paragraph = []
        if paragraph:
            html.append("<p>" + "，".join(paragraph) + "</p>")
        for (_, readings), form in zip(words, forms):
            # Single letters in parentheses (阿(a)) are not glosses and so break the context.
            if len(form) != len(readings) or any(len(s) == 1 for s, _ in readings):
                continue
            for j, (c, (syllable, tone)) in enumerate(zip(form, readings)):
                if decided(form, j, table, single, alternative) != syllable:
                    continue
                others = sorted({s for s, _ in char_readings.get(ord(c), ())} - {syllable})
                others = [s for s in others if len(s) > 1 and s not in tables.WHOLE_TOKEN_ONLY]
                if not others:
                    continue
                plain = [s for s, _ in readings]
                plain[j] = others[0]
                text = "".join("%s(%s)" % (ch, s) for ch, s in zip(form, plain))
                wrong.append("\t".join((script, text, str(j), numbered(syllable, tone))))
                break
    return {
        "correct.txt": "\n".join(correct) + "\n",
        "ruby.html": "\n".join(html) + "\n",
        "wrong.txt": "\n".join(wrong) + "\n",
    }


def main(argv):
    files = build()
    stale = False
    for name, text in sorted(files.items()):
        path = os.path.join(HERE, name)
        if "--check" in argv:
            with open(path, encoding="utf-8") as f:
                stale = stale or f.read() != text
        else:
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
