"""ripgrep equivalents of the built-in placeholder rules, which are byte scanners in chaff.

Until commit d78b0b4 the six `placeholder-*` rules were `pattern` rules; these are their regular
expressions (ICU syntax, which PCRE2 reads the same: ripgrep runs them with `-P`), keyed by the
rule's `options.form`. The scanners also apply the rules' exceptions (HTML element names,
slot-name lists, e-mail addresses …), which ripgrep does not: ripgrep does somewhat less work.
"""

PATTERNS = {
    "angle-token": [
        r"[<＜]/?[\p{L}\p{N}_\-]*[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}][\p{L}\p{N}_\-]*[>＞]",
        r"(?<![\p{L}\p{N}_])<[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9_]*|[0-9]+)>",
        r"(?<![\p{L}\p{N}_])<(?i:keywords?|kw|city|brand|product|company|sitename|site-name|spintax|random)>",
    ],
    "bracket-keyword": [
        r"[\[【〔［〖](?:主?关键[词字]|长尾[关键]*词|(?:文章|副)?标题|网站名称?|站点名称?|站名|公司名称?"
        r"|企业名称?|品牌名称?|产品名称?|城市名称?|地区名称?|随机[\p{Han}]{0,6}|占位符|变量名?|同义词)"
        r"(?:[0-9]{1,3}|[_\-][A-Za-z0-9]{1,8})?[\]】〕］〗]",
        r"(?i)\[(?:keywords?|kw|city|brand|company|product|site_?name)(?:[_\-]?[0-9]{1,3})?\](?![(\[:])",
    ],
    "delimited-keyword": [
        r"(?<![A-Za-z0-9%])%[A-Z][A-Z0-9_]{1,40}%(?![A-Za-z0-9])",
        r"(?<![A-Za-z0-9$])\$\p{Han}[\p{Han}\p{L}\p{N}_]{0,20}\$",
        r"(?<![A-Za-z0-9$])\$[A-Z][A-Z0-9_]{2,40}\$(?![A-Za-z0-9])",
    ],
    "printf-specifier": [
        r"(?<![%A-Za-z0-9])%(?:[1-9][0-9]?\$)?[-+#0]*[0-9]{0,3}(?:\.[0-9]{1,3})?"
        r"(?:hh|h|ll|l|L|z|j|t|q)?[sdifuxXoeEgGcp@](?![A-Za-z0-9])",
    ],
    "spintax": [
        r"\{[^{}|\s][^{}|\n]{0,60}(?<!\s)(?:\|[^{}|\s][^{}|\n]{0,60}(?<!\s))+\}",
    ],
    "template-expression": [
        r"\{\{[^{}\n]{0,80}\}\}",
        r"\{%[^\n]{0,80}?%\}",
        r"\{#[^\n]{0,80}?#\}",
        r"\$\{[^{}\n]{1,80}\}",
    ],
}
