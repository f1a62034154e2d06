#!/usr/bin/env python3
"""Writes the encoding fixtures from the sentences below (run from this folder).

Each file's bytes are the text encoded with Python's codecs; the tests assert the findings and
their positions in the encoded bytes."""
import pathlib

HERE = pathlib.Path(__file__).resolve().parent

SIMPLIFIED = (
    "本市今年共有近四千家企业参与了这项调查。\n"
    "我们的产品质量一直很好，<随机段落>欢迎大家前来选购。\n"
    "这个观點值得商榷，请读者自行判断。\n"
)
TRADITIONAL = (
    "臺北市今年共有近四千家企業參與了這項調查。\n"
    "我們的產品品質一直很好，歡迎{{ 城市 }}的朋友前來選購。\n"
)
MIXED = "Price 😀 价格：%s 元\r\n第二行 <关键词> end\n"

FILES = {
    "gbk.txt": SIMPLIFIED.encode("gbk"),
    "big5.txt": TRADITIONAL.encode("big5"),
    "utf16le-bom.txt": b"\xff\xfe" + MIXED.encode("utf-16-le"),
    "utf16be-bom.txt": b"\xfe\xff" + MIXED.encode("utf-16-be"),
    "utf16le-nobom.txt": MIXED.encode("utf-16-le"),
    "utf16be-nobom.txt": MIXED.encode("utf-16-be"),
    "utf32le-bom.txt": b"\xff\xfe\x00\x00" + MIXED.encode("utf-32-le"),
    "utf32be-nobom.txt": MIXED.encode("utf-32-be"),
    # Two characters that are common in GB2312 and, read as Big5, two Big5 characters: no
    # way to tell.
    "undecidable.txt": "你好\n".encode("gbk"),
    # Latin-1 French: neither a plausible GB18030 nor Big5 text.
    "latin1.txt": ("Très élégant, déjà vu à côté du café. " * 8 + "\n").encode("latin-1"),
}

for name, data in FILES.items():
    (HERE / name).write_bytes(data)
