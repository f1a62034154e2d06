#!/usr/bin/env python3
"""Writes the seed corpora in Fuzz/corpus/<target>/ (committed; re-run after editing).

document seeds: byte 0 picks format (0 text, 1 markdown, 2 html), column unit (bits 2-3) and, with bits 4-7
all set, SARIF rule descriptions;
byte 1 picks the reported path (high bit: the first line of the rest is the path).
rules seeds: the built-in rule files, a full config, and a few near-misses of each.
"""
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
corpus = root / "Fuzz" / "corpus"

TEXT, MARKDOWN, HTML = 0, 1, 2
UTF8, UTF16, SCALAR, DISPLAY = 0, 1, 2, 3


def document(fmt, unit, path_index, body, describe_rules=False):
    if isinstance(body, str):
        body = body.encode("utf-8")
    return bytes([fmt | (unit << 2) | (0xF0 if describe_rules else 0), path_index]) + body


documents = {
    "spun-page": document(TEXT, SCALAR, 0,
        "标题：<随机段落>官方网站\n我们的{专业|优质}团队位于[城市名]，提供{{ service }}。\n"
        "价格：%s 元 %1$d 件，%.2f 折。\nVisit our {great|top} shop in %CITY% or $SITE_NAME$.\n"
        "【关键词】〖地区〗 <keyword_1> ${name} {% if x %}{# c #}\n", describe_rules=True),
    "clean-prose": document(TEXT, UTF16, 1,
        "折扣为 50%，价格 $5。集合 {x | x > 0} 是开集。List<String> 与 <b>加粗</b>。\n【新华社北京电】正文。\n"),
    "markdown": document(MARKDOWN, SCALAR, 2,
        "# 标题 {{ t }}\n\n正文 <随机段落>，见 [链接](http://example.com/%s) 和 `{{ code }}`。\n\n"
        "```jinja\nHello {{ name }}\n```\n\n> 引用 %d\n\n- 列表 [关键词]\n<!-- 注释 {a|b} -->\n"),
    "html": document(HTML, UTF16, 3,
        "<!doctype html><html><head><title>{{ title }}</title><script>var s = '%s';</script>"
        "<style>a{b:c}</style></head><body><p>正文<随机段落>&amp;&#x4E2D;&lt;keyword&gt;</p>"
        "<!-- {a|b} --><pre>{{ code }}</pre><a href=\"%E4%B8%AD\">链</a></body></html>\n"),
    "crlf-cr": document(TEXT, DISPLAY, 4, b"line one %s\r\nline\ttwo {{ x }}\rline three <tok>\r\n"),
    "invalid-utf8": document(TEXT, UTF16, 5, b"ok \xff\xfe x {{ y }}\n\xe4\xb8\n%s \xed\xa0\x80 \xf4\x90\x80\x80\n"),
    "utf16": document(TEXT, SCALAR, 0, b"\xff\xfeh\x00i\x00%\x00s\x00"),
    "bom": document(MARKDOWN, UTF8, 0, b"\xef\xbb\xbf%s \xef\xbf\xbd\n"),
    "controls": document(TEXT, SCALAR, 6,
        "esc \x1b[31m{{ red }}\x1b[0m bell \x07 bidi \u202e{a|b}\u202c nul-free\n::error::%0A {c|d}\n"),
    "own-path": document(TEXT, SCALAR, 0x80, "dir/a,b:c %25\u202e名.md\n{x|y} %s\n"),
    "wide": document(TEXT, DISPLAY, 7, "𠀀𠀁😀 {{ 宽 }} ①②③ ＡＢＣ <随心_句子c> [keyword]\n"),
}

rule_dir = root / "rules"
rules = {p.stem: p.read_bytes() for p in sorted(rule_dir.glob("*.json"))}
rules["config-full"] = b"""{
  // every key of a config file
  "version": 1,
  "rules": ["style/rules"],
  "defaultRules": true,
  "select": ["placeholder", "invalid-encoding"],
  "ignore": ["placeholder-printf-specifier"],
  "severity": {"placeholder-spintax": "error", "placeholder": "warning", "x": "off"},
  "exclude": ["vendor/**", "*.min.html", "build", "a/[b-d]?/**/*.txt"],
  "failOn": "note",
  "formats": {"docs/**/*.txt": "markdown", "*.htm": "html"},
}
"""
rules["pattern-rule"] = """{
  "id": "vague-booster", "kind": "pattern", "severity": "note",
  "summary": "S.", "description": "D.", "message": "Vague '{match}'",
  "helpUri": "https://example.com/r", "scope": "prose", "tags": ["style", "style"], "enabled": false,
  "options": {"phrases": ["very", "非常"], "patterns": ["\\\\bsuper-?\\\\w+", "(?<=\\\\p{Han})很"],
              "exceptions": ["superb"], "caseSensitive": false, "wholeWords": true},
  "examples": {"invalid": ["It is \u2193very good.", "\u2193super-fast"],
               "valid": ["It is good.", {"text": "`very` in code", "format": "markdown"}]}
}
""".encode()
rules["bad-key"] = b'{"id": "x", "sevrity": "warning", /* c */ "kind": "pattern",}'
rules["bad-syntax"] = b'{"id": "x", "kind": "pattern", "summary": "\\u12", 1e999, [}'
rules["deep"] = b"[" * 64 + b"]" * 64



# lsp seeds: byte 0 the read size, bytes 1-4 an edit's range, then what a client sends.
def frame(body):
    if isinstance(body, str):
        body = body.encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


lsp = {
    "session": bytes([3, 1, 2, 1, 5]) + frame('{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":'
        '{"general":{"positionEncodings":["utf-8","utf-16"]}}}}') + frame('{"jsonrpc":"2.0","method":"initialized","params":{}}')
        + frame('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.md",'
        '"languageId":"markdown","version":1,"text":"😀 <随机段落>\\r\\n第二行"}}}')
        + frame('{"jsonrpc":"2.0","id":"x","method":"shutdown","params":null}') + frame('{"jsonrpc":"2.0","method":"exit"}'),
    "crlf-text": bytes([15, 0, 1, 1, 0]) + "第一行\r\n𠀀😀 {a|b}\r第三行\n".encode(),
    "bad-headers": bytes([1, 2, 3, 0, 9]) + b"Content-Type: x\r\n\r\nContent-Length: ten\r\n\r\n"
        + b"Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}" + frame("[]") + frame('{"jsonrpc":"2.0","id":[1],"method":"x"}'),
    "cut-short": bytes([7, 0, 0, 0, 0]) + b"Content-Length: 100\r\n\r\n{\"jsonrpc\"",
}

# gettext seeds: byte 0 picks the column unit (bits 0-1) and the path (bits 2-3); the rest is a catalogue.
gettext = {
    "catalogue": bytes([SCALAR]) + (
        '# Chinese (Taiwan)\nmsgid ""\nmsgstr ""\n"Language: zh_TW\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n\n'
        '#: src/a.c:1\n#, c-format, fuzzy\nmsgctxt "menu"\nmsgid "Open %s of %d"\nmsgstr "開啟 %2$d 的 \\"%1$s\\""\n\n'
        '#, python-format\nmsgid "%(n)d file"\nmsgid_plural "%(n)d files"\nmsgstr[0] "%(n)s 个"\n"檔案\\t\\101\\x41"\n\n'
        '#, python-brace-format\nmsgid "{count} of {total}"\nmsgstr "{total} 中的 {名字}"\n\n#~ msgid "Old"\n#~ msgstr "舊"\n').encode(),
    "malformed": bytes([UTF16 | 4]) + (
        '\ufeffmsgid "a\nmsgstr "b\\q\n"orphan"\nmsgstr[x] "c"\nmsgid_plural "d"\nwhat\nmsgstr "e" trailing\nmsgid "f"\n').encode(),
    "crlf-utf8": bytes([UTF8 | 8]) + 'msgid "%s"\r\nmsgstr ""\r\n"𠀀%d"\r\n'.encode(),
}

# xliff, android-strings, stringsdict seeds: byte 0 picks the column unit (bits 0-1) and, with bit 2, a
# source file after the first 0xFF byte; the rest is the file.
SOURCE = 4
xliff = {
    "version1": bytes([SCALAR]) + (
        '\ufeff<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="en" target-language="zh-TW"><body>\n'
        '<trans-unit id="a"><source>Open &quot;%s&quot; <g id="1">%d</g></source>'
        '<target>開啟 <g id="1">%d</g> &#x300C;%s&#x300D;</target><note>设置</note></trans-unit>\n'
        '<trans-unit id="b"><source>Save <x id="1"/></source><target state="new"><![CDATA[a & b]]></target></trans-unit>\n'
        '<!-- c --></body></file></xliff>\n').encode(),
    "version2": bytes([UTF16]) + (
        '<xliff version="2.0" srcLang="en" trgLang="zh-CN"><file id="f"><unit id="1"><segment state="translated">'
        '<source>Delete <ph id="1"/> {n}</source><target>删除<ph id="2"/> {名}</target></segment></unit></file></xliff>').encode(),
    "malformed": bytes([UTF8]) + b'<xliff><file target-language="zh"><trans-unit><source>a &nbsp; &</source><target>b</source>'
        b'<target attr=x "y>\n<![CDATA[ <!-- </',
}
android = {
    "strings": bytes([SCALAR | SOURCE]) + (
        '<resources xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">\n<!-- c -->\n'
        '<string name="a">歡迎，\\"<b>%1$s</b>\\" \\u4E2D &amp; \\n</string>\n'
        '<plurals name="p"><item quantity="other">%d 個</item></plurals>\n'
        '<string-array name="d"><item>一</item><item><![CDATA[<i>二</i>]]></item></string-array>\n'
        '<string name="x" translatable="false">X</string></resources>\n').encode() + b"\xff" + (
        '<resources><string name="a">Welcome, <b>%1$s</b></string><plurals name="p"><item quantity="one">%d file</item>'
        '<item quantity="other">%d files</item></plurals><string-array name="d"><item>One</item><item>Two %s</item>'
        '</string-array></resources>').encode(),
    "malformed": bytes([UTF16]) + b'<resources><string name="a">\\u12 \\k \\</string><string name="b">\n<plurals>',
}
stringsdict = {
    "plural": bytes([SCALAR | SOURCE]) + (
        '<?xml version="1.0"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "x">\n<plist version="1.0"><dict>'
        '<key>n</key><dict><key>NSStringLocalizedFormatKey</key><string>&lt;%@&gt; %#@files@</string><key>files</key><dict>'
        '<key>NSStringFormatSpecTypeKey</key><string>NSStringPluralRuleType</string><key>other</key><string>%s 个檔案</string>'
        '</dict></dict></dict></plist>').encode() + b"\xff" + (
        '<plist><dict><key>n</key><dict><key>NSStringLocalizedFormatKey</key><string>%#@files@ in %@</string><key>files</key>'
        '<dict><key>one</key><string>%d file</string><key>other</key><string>%d files</string></dict></dict></dict></plist>').encode(),
}

# Catalogue seeds (apple-strings, xcstrings, i18n-json): byte 0 picks the column unit (bits 0-1)
# and, for i18n-json, ARB (bit 2); the rest is the file, then after a 0x1E byte the source file.
def utf16le(text):
    return b"\xff\xfe" + text.encode("utf-16-le")


apple_strings = {
    "pair": bytes([SCALAR]) + ('/* 標題 */\n"greeting" = "你好，%@！\\n";\n// c\nkey = "%lld 個\\U2026\\"";\n'
        '"Delete %@?" = "刪除 %d？";\n').encode() + b"\x1e" + b'"greeting" = "Hello, %@!";\n"key" = "%lld items";\n',
    "utf16": bytes([UTF16]) + utf16le('/* 𠀀 */\n"a" = "𠀀\\"%d\\" 个";\n"b" = "打開"\n'),
    "malformed": bytes([UTF8]) + '"a" = "一"\n"b" "二";\n"c" = ;\n/* open\n"d" = "\\U12"\n"e" = "六'.encode(),
}
xcstrings = {
    "catalogue": bytes([UTF16]) + ('{"sourceLanguage":"en","strings":{"%lld files":{"comment":"c","localizations":{'
        '"en":{"variations":{"plural":{"one":{"stringUnit":{"state":"translated","value":"%lld file"}},'
        '"other":{"stringUnit":{"value":"%lld files"}}}}},"zh-Hans":{"variations":{"plural":{"other":{"stringUnit":'
        '{"state":"needs_review","value":"%@ 个檔案\\u4e2d\\ud83d\\ude00"}}}}},"zh-Hant":{"stringUnit":{"value":"打开"},'
        '"substitutions":{"n":{"argNum":1,"formatSpecifier":"lld","variations":{"plural":{"other":{"stringUnit":'
        '{"value":"%arg 個"}}}}}}}}}},"version":"1.0"}').encode(),
    "broken": bytes([SCALAR]) + b'{"sourceLanguage":"en","strings":{"k":{"localizations":{"zh-TW":{"stringUnit":{"value":"\\q\n',
}
i18n_json = {
    "pair": bytes([SCALAR]) + ('{"welcome":"欢迎，{{user}}！","nav":{"open":"立即$t(nav.x)"},"n":"{count, select, other{{count} 個}}",'
        '"list":["一","\\u4E2D\\""],"x":1,"y":null,}').encode() + b"\x1e"
        + b'{"welcome":"Welcome, {{name}}!","nav":{"open":"$t(nav.x) now"},"n":"{count, plural, one{# item} other{{count} items}}"}',
    "arb": bytes([UTF16 | 4]) + ('{"@@locale":"zh_TW","items":"{n, plural, =0{沒有} other{{n} 个}}","@items":{"description":"d"},'
        '"hi":"你好 {name}"}').encode() + b"\x1e" + b'{"@@locale":"en","items":"{n, plural, =0{None} other{{n} items}}","hi":"Hi {name}"}',
    "malformed": bytes([UTF8]) + b'// c\n{"a": "\xe4\xb8", "b": [1, {"c": tru}], /* open',
}

for name, entries in (("document", documents), ("rules", rules), ("lsp", lsp), ("gettext", gettext), ("xliff", xliff),
                      ("android-strings", android), ("stringsdict", stringsdict), ("apple-strings", apple_strings),
                      ("xcstrings", xcstrings), ("i18n-json", i18n_json)):
    directory = corpus / name
    directory.mkdir(parents=True, exist_ok=True)
    # Regression inputs (regression-*) are kept; the generated seeds are rewritten.
    for key, data in entries.items():
        (directory / key).write_bytes(data)
print("wrote", sum(1 for _ in corpus.rglob("*") if _.is_file()), "seed files")
