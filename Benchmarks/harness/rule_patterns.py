"""Extracts the phrases and regular expressions of the rule files into ripgrep pattern files.

The comparison with ripgrep stays fair as rules are added because the pattern sets are read from
`rules/*.json` on every run. Each kind of pattern goes to ripgrep in its fastest configuration
(measured on the corpus: PCRE2 with JIT for the regular expressions, Aho-Corasick for literals),
as up to three ripgrep runs one after another (`rg_rules.sh`), and the time of all of them counts:

- `rg-patterns.txt` (`rg -P`): `patterns` passed through (chaff's are ICU syntax; look-behind,
  `\\p{Han}` and inline flags mean the same in PCRE2), `phrases` as escaped literals with the
  `wholeWords` boundaries; the `placeholder` rules, which are byte scanners in chaff, by the
  fixed regular expressions they had as pattern rules (`placeholder_patterns.py`); and the
  frames of `unsourced-claim` (`据…统计`: opener, at most 30 characters of the clause, closer);
- `rg-fixed.txt` (`rg -F`): the non-ASCII `always` and `unlessNamed` phrases of `unsourced-claim`;
- `rg-fixed-i.txt` (`rg -F -i`): its ASCII phrases, which chaff matches case-insensitively.

chaff additionally judges the words before each claim phrase (is a source named?) and looks for a
citation in the sentence; ripgrep only finds the phrases. `(?i)` is added to patterns unless
`caseSensitive`. Rules whose kind has none of these cannot be expressed for ripgrep; they are
listed so the report can say what the ripgrep side does not do. `exceptions` are not applied by
ripgrep (it has no way to), so ripgrep does less work than chaff.
"""
import json
import pathlib
import re

import placeholder_patterns


def strip_json_comments(text: str) -> str:
    """Removes // and /* */ comments and trailing commas outside strings (chaff's rule files
    allow both), so the standard json module can read them."""
    out, i, n, in_string = [], 0, len(text), False
    while i < n:
        c = text[i]
        if in_string:
            out.append(c)
            if c == "\\" and i + 1 < n:
                out.append(text[i + 1])
                i += 2
                continue
            if c == '"':
                in_string = False
            i += 1
            continue
        if c == '"':
            in_string = True
            out.append(c)
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            continue
        elif c in "]}":
            j = len(out) - 1
            while j >= 0 and out[j].isspace():
                j -= 1
            if j >= 0 and out[j] == ",":
                del out[j]
            out.append(c)
        else:
            out.append(c)
        i += 1
    return "".join(out)


def load_rules(rules_dir: pathlib.Path) -> list:
    rules = []
    for path in sorted(rules_dir.glob("*.json")):
        rule = json.loads(strip_json_comments(path.read_text(encoding="utf-8")))
        rules.append(rule)
    return rules


def _phrase_regex(phrase: str, whole_words: bool) -> str:
    body = re.escape(phrase)
    if whole_words and phrase[:1].isascii() and phrase[:1].isalnum():
        body = "(?<![A-Za-z0-9])" + body
    if whole_words and phrase[-1:].isascii() and phrase[-1:].isalnum():
        body += "(?![A-Za-z0-9])"
    return body


def _claim_lists(options: dict):
    """The frames (as PCRE2), non-ASCII phrases and ASCII phrases of a claim lexicon."""
    frames, fixed, fixed_i = [], [], []
    for group in options.get("groups", []):
        for key in ("always", "unlessNamed"):
            for phrase in group.get(key, []):
                phrase = " ".join(phrase.split())
                (fixed_i if phrase.isascii() else fixed).append(phrase)
        for frame in group.get("frames", []):
            sep = "…" if "…" in frame else "..."
            opener, closer = (" ".join(part.split()) for part in frame.split(sep, 1))
            frames.append("(?i)" + re.escape(opener) + r"[^\n。！？；.!?;]{0,30}?" + re.escape(closer))
    return frames, fixed, fixed_i


def rg_pattern_sets(rules_dir: pathlib.Path):
    """Returns (regexes, fixed strings, case-insensitive fixed strings, covered rule ids,
    uncovered rule ids) for the enabled rules."""
    patterns, fixed, fixed_i, covered, uncovered = [], [], [], [], []
    for rule in load_rules(rules_dir):
        if rule.get("enabled", True) is False:
            continue
        options = rule.get("options") or {}
        case_sensitive = bool(options.get("caseSensitive", False))
        whole_words = bool(options.get("wholeWords", True))
        flag = "" if case_sensitive else "(?i)"
        mine = [flag + _phrase_regex(p, whole_words) for p in options.get("phrases", []) or []]
        mine += [flag + p for p in options.get("patterns", []) or []]
        mine_fixed, mine_fixed_i = [], []
        if rule.get("kind") == "placeholder":
            mine += placeholder_patterns.PATTERNS.get(options.get("form"), [])
        elif rule.get("kind") == "unsourced-claim":
            frames, mine_fixed, mine_fixed_i = _claim_lists(options)
            mine += frames
        if mine or mine_fixed or mine_fixed_i:
            covered.append(rule["id"])
            patterns.extend(mine)
            fixed.extend(mine_fixed)
            fixed_i.extend(mine_fixed_i)
        else:
            uncovered.append(rule["id"])
    return patterns, fixed, fixed_i, covered, uncovered


def rg_patterns(rules_dir: pathlib.Path):
    """Returns (all patterns, covered rule ids, uncovered rule ids) for the enabled rules."""
    patterns, fixed, fixed_i, covered, uncovered = rg_pattern_sets(rules_dir)
    return patterns + fixed + fixed_i, covered, uncovered


def write_pattern_file(rules_dir: pathlib.Path, out: pathlib.Path):
    """Writes `out` (regexes for `rg -P`) and, next to it, `rg-fixed.txt` and `rg-fixed-i.txt`
    (literals for `rg -F` and `rg -F -i`; empty when there are none). Returns (all patterns,
    covered rule ids, uncovered rule ids)."""
    patterns, fixed, fixed_i, covered, uncovered = rg_pattern_sets(rules_dir)
    for name, items in ((out, patterns), (out.parent / "rg-fixed.txt", fixed),
                        (out.parent / "rg-fixed-i.txt", fixed_i)):
        for p in items:
            if "\n" in p:
                raise SystemExit(f"pattern with a line break cannot go into a pattern file: {p!r}")
        name.write_text("".join(p + "\n" for p in items), encoding="utf-8")
    return patterns + fixed + fixed_i, covered, uncovered
