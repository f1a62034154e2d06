"""Injects the defects chaff looks for into clean paragraphs, and counts what it injected.

Every injected defect is recorded under a category. The six placeholder categories are named
after the built-in rule that must report them, so a run can compare chaff's findings per rule
with the number injected. Insertion points are chosen so that the token is bounded the way the
rules require (after punctuation or a space, followed by a space when the next character is
ASCII), which makes each injected placeholder detectable on its own.
"""
import random

# Placeholder tokens per rule and language. Every token must be reported by its rule.
PLACEHOLDERS = {
    "placeholder-template-expression": {
        "zh": ["{{ 关键词 }}", "{{ title }}", "{{keyword}}", "{% if 城市 %}", "${城市}"],
        "en": ["{{ name }}", "{{product_name}}", "{% if user %}", "${city}", "{# todo #}"],
    },
    "placeholder-angle-token": {
        "zh": ["<随机段落>", "<关键词>", "<随心_句子c>", "<城市名>", "<keyword_1>"],
        "en": ["<keyword_1>", "<city2>", "<keyword>", "<brand>", "<KW_A>"],
    },
    "placeholder-spintax": {
        "zh": ["{优秀|出色|杰出}", "{最好|最佳}", "{便宜|实惠|低价}"],
        "en": ["{best|top|finest}", "{cheap|affordable}", "{great|excellent|superb}"],
    },
    "placeholder-printf-specifier": {
        "zh": ["%s", "%d", "%1$s", "%.2f"],
        "en": ["%s", "%d", "%2$s", "%.1f"],
    },
    "placeholder-delimited-keyword": {
        "zh": ["%KEYWORD%", "$标题$", "$SITE_NAME$"],
        "en": ["%KEYWORD%", "$SITE_NAME$", "%BRAND%"],
    },
    "placeholder-bracket-keyword": {
        "zh": ["【标题】", "[关键词]", "〖城市名〗", "【品牌名称】"],
        "en": ["[keyword]", "[city]", "[brand_2]", "[site_name]"],
    },
}

VAGUE = {
    "zh": ["据不完全统计，", "有报道称，", "业内人士表示，", "研究表明，", "据统计，"],
    "en": ["Studies show that ", "Experts say that ", "Research shows that ", "According to reports, "],
}

# Simplified → Traditional word pairs used when OpenCC is not available (smoke mode).
BUILTIN_TRADITIONAL = [
    ("这个", "這個"), ("观点", "觀點"), ("说明", "說明"), ("时间", "時間"), ("问题", "問題"),
    ("发现", "發現"), ("文件", "檔案"), ("设置", "設置"), ("网络", "網絡"), ("选项", "選項"),
    ("显示", "顯示"), ("进程", "進程"), ("输出", "輸出"), ("内容", "內容"), ("没有", "沒有"),
    ("现在", "現在"), ("开发", "開發"), ("数据", "數據"), ("们", "們"), ("为", "為"),
]

# Latin letters and the Cyrillic letters that look the same.
HOMOGLYPHS = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441",
              "x": "\u0445", "y": "\u0443"}

# Relative frequency of each category, per language.
WEIGHTS = {
    "zh": [(name, 10) for name in PLACEHOLDERS] + [("traditional-in-simplified", 18),
                                                     ("vague-authority", 12)],
    "en": [(name, 10) for name in PLACEHOLDERS] + [("cyrillic-homoglyph", 12),
                                                     ("vague-authority", 12)],
}

_ZH_BREAKS = "，。；：！？、"


def _is_cjk(ch: str) -> bool:
    return ord(ch) >= 0x2E80


class Injector:
    """Injects defects with a seeded generator and keeps per-category counts."""

    def __init__(self, rng: random.Random, traditional_pairs):
        self.rng = rng
        self.pairs = dict(traditional_pairs)
        self.counts = {}

    def _count(self, category: str):
        self.counts[category] = self.counts.get(category, 0) + 1

    def _pick(self, lang: str) -> str:
        names, weights = zip(*WEIGHTS[lang])
        return self.rng.choices(names, weights)[0]

    def _insert_points(self, text: str, lang: str):
        """Offsets where a token can start: paragraph start, after CJK punctuation or a space."""
        points = [0]
        for i, ch in enumerate(text[:-1]):
            nxt = text[i + 1]
            if lang == "zh" and ch in _ZH_BREAKS:
                points.append(i + 1)
            elif ch == " " and nxt.isalpha() and (lang == "en" or _is_cjk(nxt)):
                points.append(i + 1)
        return points

    def _insert_token(self, text: str, token: str, lang: str) -> str:
        at = self.rng.choice(self._insert_points(text, lang))
        nxt = text[at] if at < len(text) else ""
        sep = " " if nxt and nxt.isascii() and not nxt.isspace() else ""
        return text[:at] + token + sep + text[at:]

    def _vague(self, text: str, lang: str):
        if lang == "zh":
            points = [0] + [i + 1 for i, ch in enumerate(text[:-1]) if ch == "。"]
        else:
            points = [0] + [i + 2 for i in range(len(text) - 2)
                            if text[i] == "." and text[i + 1] == " " and text[i + 2].isupper()]
        at = self.rng.choice(points)
        phrase = self.rng.choice(VAGUE[lang])
        rest = text[at:]
        if lang == "en" and rest[:1].isupper() and rest[1:2].islower():
            rest = rest[0].lower() + rest[1:]
        return text[:at] + phrase + rest

    def _traditional(self, text: str):
        spots = [i for i in range(len(text) - 1)
                 if text[i:i + 2] in self.pairs or text[i] in self.pairs]
        if not spots:
            return None
        at = self.rng.choice(spots)
        word = text[at:at + 2] if text[at:at + 2] in self.pairs else text[at]
        return text[:at] + self.pairs[word] + text[at + len(word):]

    def _homoglyph(self, text: str):
        words = [(i, w) for i, w in _ascii_words(text) if len(w) >= 5 and w.islower()]
        self.rng.shuffle(words)
        for start, word in words[:20]:
            for j, ch in enumerate(word):
                if ch in HOMOGLYPHS:
                    at = start + j
                    return text[:at] + HOMOGLYPHS[ch] + text[at + 1:]
        return None

    def inject(self, text: str, lang: str) -> str:
        """Injects one defect into the paragraph; a category that does not fit falls back to
        a placeholder, so every call injects exactly one counted defect."""
        category = self._pick(lang)
        result = None
        if category in PLACEHOLDERS:
            token = self.rng.choice(PLACEHOLDERS[category][lang])
            result = self._insert_token(text, token, lang)
        elif category == "vague-authority":
            result = self._vague(text, lang)
        elif category == "traditional-in-simplified":
            result = self._traditional(text)
        elif category == "cyrillic-homoglyph":
            result = self._homoglyph(text)
        if result is None:
            category = self.rng.choice(list(PLACEHOLDERS))
            token = self.rng.choice(PLACEHOLDERS[category][lang])
            result = self._insert_token(text, token, lang)
        self._count(category)
        return result


def _ascii_words(text: str):
    start = None
    for i, ch in enumerate(text + " "):
        if ch.isascii() and ch.isalpha():
            if start is None:
                start = i
        else:
            if start is not None:
                # Words glued to digits, underscores or dots are identifiers, not prose.
                before = text[start - 1] if start > 0 else " "
                if ch not in "_.-/0123456789" and before not in "_.-/0123456789$%@":
                    yield start, text[start:i]
                start = None
