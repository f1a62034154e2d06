"""Extracts the phrases and regular expressions of the rule files into a ripgrep pattern file.

The comparison with ripgrep stays fair as rules are added because the pattern set is read from
`rules/*.json` on every run. Phrases become escaped literals (with the word-boundary checks
`wholeWords` implies), patterns are passed through: chaff's patterns are ICU syntax, and the
constructs they use (look-behind, `\\p{Han}`, inline flags) mean the same in PCRE2, so ripgrep
runs with `-P`. Rules whose kind has no phrases or patterns cannot be expressed for ripgrep;
they are listed so the report can say what the ripgrep side does not do. `exceptions` are not
applied by ripgrep (it has no way to), so ripgrep does slightly less work than chaff.
"""
import json
import pathlib
import re


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


def rg_patterns(rules_dir: pathlib.Path):
    """Returns (patterns, covered rule ids, uncovered rule ids) for the enabled rules."""
    patterns, covered, uncovered = [], [], []
    for rule in load_rules(rules_dir):
        if rule.get("enabled", True) is False:
            continue
        options = rule.get("options") or {}
        case_sensitive = bool(options.get("caseSensitive", False))
        whole_words = bool(options.get("wholeWords", True))
        flag = "" if case_sensitive else "(?i)"
        mine = [flag + _phrase_regex(p, whole_words) for p in options.get("phrases", []) or []]
        mine += [flag + p for p in options.get("patterns", []) or []]
        if mine:
            covered.append(rule["id"])
            patterns.extend(mine)
        else:
            uncovered.append(rule["id"])
    return patterns, covered, uncovered


def write_pattern_file(rules_dir: pathlib.Path, out: pathlib.Path):
    patterns, covered, uncovered = rg_patterns(rules_dir)
    for p in patterns:
        if "\n" in p:
            raise SystemExit(f"pattern with a line break cannot go into a pattern file: {p!r}")
    out.write_text("\n".join(patterns) + "\n", encoding="utf-8")
    return patterns, covered, uncovered
