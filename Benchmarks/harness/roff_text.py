"""Turns man-page roff source into plain paragraphs of running text.

The corpus should look like web text: one paragraph per line, no hard line breaks inside
sentences, no terminal justification. Rendering with groff would give filled, justified lines
broken in the middle of Chinese sentences, so the macros are stripped here instead. The result
does not need to be a faithful rendering, only real prose in real proportions.
"""
import re

# Named glyphs (\(xx and \[xx]) that commonly appear in prose; anything else is dropped.
_GLYPHS = {
    "em": "\u2014", "en": "\u2013", "hy": "-", "bu": "\u2022", "lq": "\u201c", "rq": "\u201d",
    "oq": "\u2018", "cq": "\u2019", "aq": "'", "dq": '"', "co": "\u00a9", "rg": "\u00ae",
    "tm": "\u2122", "mu": "\u00d7", "<=": "\u2264", ">=": "\u2265", "!=": "\u2260",
    "->": "\u2192", "<-": "\u2190", "de": "\u00b0", "+-": "\u00b1", "ti": "~", "ha": "^",
    "rs": "\\", "sl": "/", "ba": "|", "or": "|", "at": "@", "sh": "#", "Do": "$", "Eu": "\u20ac",
    "pl": "+", "mi": "-", "eq": "=", "fm": "\u2032", "sq": "\u25a1", "ul": "_", "ru": "_",
    "dg": "\u2020", "lh": "\u261c", "rh": "\u261e", "Fo": "\u00ab", "Fc": "\u00bb",
}
# Predefined strings (\*(xx) with a visible meaning; others are dropped.
_STRINGS = {"lq": "\u201c", "rq": "\u201d", "R": "\u00ae", "Tm": "\u2122", "Q": '"', "-": "\u2014"}

_ESCAPE = re.compile(
    r"""\\(?:
        f(?:\[[^\]]*\]|\(..|.)          # font change
      | s(?:[+-]?\d+|\(..|\[[^\]]*\]|'[^']*')  # size change
      | \*(?:\[(?P<sname>[^\]]*)\]|\((?P<sname2>..)|(?P<sname3>.))  # string
      | n[+-]?(?:\[[^\]]*\]|\(..|.)     # number register
      | [hvwoLlXDbRNxSZ]'[^']*'        # drawing, motion, width: no text
      | \((?P<glyph>..)                 # named glyph
      | \[(?P<glyph2>[^\]]*)\]          # long named glyph
      | k.                               # mark position
      | \$.                              # macro argument
      | (?P<ch>.)                        # single-character escapes
    )""",
    re.VERBOSE | re.DOTALL,
)

_SINGLE = {
    "-": "-", "e": "\\", "\\": "\\", "0": " ", " ": " ", "~": " ", "t": "\t", "'": "'",
    "`": "`", ".": ".", "%": "", "&": "", ")": "", ",": "", "/": "", "^": "", "|": "",
    ":": "", "c": "", "z": "", "{": "", "}": "", "u": "", "d": "", "r": "", "p": "", "a": "",
    "E": "", "!": "", "?": "", "#": "",
}

_FONT_MACROS = {"B", "I", "R", "SB", "SM", "BR", "BI", "IB", "IR", "RB", "RI", "CW", "CR"}
_BREAK_MACROS = {"PP", "LP", "P", "Pp", "sp", "Sp", "br", "TP", "TQ", "HP", "PD", "Lp", "RS", "RE"}
_HEADING_MACROS = {"SH", "SS", "Sh", "Ss"}
_NOFILL_START = {"nf", "Vb", "EX", "Bd", "CS", "DS"}
_NOFILL_END = {"fi", "Ve", "EE", "Ed", "CE", "DE"}
_BLOCK_SKIP = {"de", "de1", "am", "ig", "ds1"}
# mdoc macros that only mark up their arguments; the arguments are the text.
_MDOC = {
    "Nm", "Nd", "Fl", "Ar", "Op", "Oo", "Oc", "Pa", "Xr", "Ql", "Ic", "Dq", "Sq", "Em", "Sy",
    "Li", "Cm", "Ev", "Va", "Fn", "Fa", "Ft", "Fd", "Dv", "Er", "Xo", "Xc", "It", "Dl", "D1",
    "Ns", "No", "Pq", "Bq", "Brq", "Aq", "Qq", "Ta", "Tn", "Ux", "Bx", "At", "St", "Cd", "In",
    "An", "Ad", "Lk", "Mt", "Pf", "Po", "Pc", "Qo", "Qc", "Do", "Dc", "So", "Sc", "Ux", "Vt",
    "Lb", "Rv", "Ex", "Ms", "Sx", "Ot", "Bf", "Ef", "Ap", "Eo", "Ec", "Fo", "Fc",
}


def _expand(text: str) -> str:
    """Replaces roff escapes by the characters they stand for, or by nothing."""
    # An escaped comment runs to the end of the line.
    cut = re.search(r'\\["#]', text)
    if cut:
        text = text[: cut.start()]

    def replace(m: re.Match) -> str:
        glyph = m.group("glyph") or m.group("glyph2")
        if glyph is not None:
            return _GLYPHS.get(glyph, "")
        name = m.group("sname") or m.group("sname2") or m.group("sname3")
        if name is not None:
            return _STRINGS.get(name, "")
        ch = m.group("ch")
        if ch is not None:
            return _SINGLE.get(ch, ch)
        return ""

    return _ESCAPE.sub(replace, text)


def _arguments(rest: str) -> list:
    """Splits macro arguments on blanks, honouring double quotes (and "" inside them)."""
    args, current, quoted, i = [], [], False, 0
    while i < len(rest):
        c = rest[i]
        if quoted:
            if c == '"':
                if i + 1 < len(rest) and rest[i + 1] == '"':
                    current.append('"')
                    i += 1
                else:
                    quoted = False
            else:
                current.append(c)
        elif c == '"' and not current:
            quoted = True
        elif c in " \t":
            if current:
                args.append("".join(current))
                current = []
        else:
            current.append(c)
        i += 1
    if current:
        args.append("".join(current))
    return args


def _is_cjk(ch: str) -> bool:
    return ord(ch) >= 0x2E80


def _join(a: str, b: str) -> str:
    """Joins two source lines of one paragraph: no space between CJK text, one otherwise."""
    if not a:
        return b
    if not b:
        return a
    if _is_cjk(a[-1]) or _is_cjk(b[0]):
        return a + b
    return a + " " + b


def paragraphs(source: str) -> list:
    """Returns the page's paragraphs as single lines (code blocks keep their line breaks)."""
    out, current, nofill_lines = [], "", None
    skip_until_dots = False
    brace_depth = 0
    # After .TP the next line is the tag of a tagged paragraph; it stands on its own line.
    tag_pending = False

    def flush():
        nonlocal current
        text = re.sub(r"[ \t]+", " ", current).strip()
        if text:
            out.append(text)
        current = ""

    for raw in source.splitlines():
        if skip_until_dots:
            if raw.startswith(".."):
                skip_until_dots = False
            continue
        if brace_depth:
            brace_depth += raw.count("\\{") - raw.count("\\}")
            brace_depth = max(brace_depth, 0)
            continue
        if raw.startswith((".", "'")):
            body = raw[1:].lstrip()
            if body.startswith(('\\"', "\\#")) or not body:
                continue
            name, _, rest = body.partition(" ")
            name = name.strip()
            if name in _BLOCK_SKIP:
                skip_until_dots = True
                continue
            if name in ("if", "ie", "el", "while"):
                brace_depth = max(raw.count("\\{") - raw.count("\\}"), 0)
                continue
            if name in ("TS",):
                flush()
                nofill_lines = []
                continue
            if name in ("TE",):
                if nofill_lines is not None:
                    table = [l for l in nofill_lines if l.strip() and not l.rstrip().endswith(".")]
                    current = "\n".join(table)
                    flush()
                nofill_lines = None
                continue
            if name in _NOFILL_START:
                flush()
                nofill_lines = []
                continue
            if name in _NOFILL_END:
                if nofill_lines is not None:
                    current = "\n".join(l for l in nofill_lines if l.strip())
                    flush()
                nofill_lines = None
                continue
            args = [_expand(a) for a in _arguments(rest)]
            if name in _HEADING_MACROS:
                flush()
                current = " ".join(args)
                flush()
            elif name in _BREAK_MACROS:
                if nofill_lines is None:
                    flush()
                tag_pending = name in ("TP", "TQ")
                continue
            elif name == "IP":
                flush()
                if args and args[0].strip():
                    current = args[0].strip()
            elif name in _FONT_MACROS:
                joined = ("" if len(name) == 2 and name not in ("SB", "SM", "CW", "CR") else " ").join(args)
                if nofill_lines is not None:
                    nofill_lines.append(joined)
                else:
                    current = _join(current, joined)
            elif name in _MDOC:
                words = [a for a in args if a not in _MDOC]
                if name == "It":
                    flush()
                if name == "Fl":
                    words = ["-" + w for w in words] or ["-"]
                joined = " ".join(words)
                if nofill_lines is not None:
                    nofill_lines.append(joined)
                else:
                    current = _join(current, joined)
            else:
                # Every other request or macro carries no prose.
                continue
            if tag_pending and nofill_lines is None:
                flush()
                tag_pending = False
            continue
        text = _expand(raw)
        if nofill_lines is not None:
            nofill_lines.append(text.rstrip())
        elif not text.strip():
            flush()
        else:
            current = _join(current, text.strip())
            if tag_pending:
                flush()
                tag_pending = False
    if nofill_lines:
        current = "\n".join(l for l in nofill_lines if l.strip())
    flush()
    return out
