#!/usr/bin/env python3
"""Large-text check and benchmark for the mixed-script rules.

Generates about 10 MB of Simplified Chinese web text (paragraphs of product and travel prose
with English words, numbers with units, URLs, e-mail addresses, Greek and Russian phrases and
emoji), injects a few hundred Traditional characters at random places, and then

- `verify`: runs `chaff check --format json --select mixed-han-script,mixed-script-word` and
  checks that every injected character is reported, at its byte offset, with the original
  Simplified character as the suggestion and fix, and that nothing else is reported;
- `measure`: times that command (median of 5 runs, wall clock and CPU) beside `wc -m` on the
  same file.

The generated file is large and reproducible from the seed, so it is written to /tmp and never
committed. Usage:

    make-large.py generate [--out /tmp/chaff-mixed-large.txt] [--megabytes 10] [--inject 300]
    make-large.py verify  --chaff .build/release/chaff [--out ...]
    make-large.py measure --chaff .build/release/chaff [--out ...] [--runs 5]
    make-large.py all     --chaff .build/release/chaff      # the three in order

All text below was written for this script.
"""

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time

SEED = 20241129

# One-to-one pairs (Simplified, Traditional): the Traditional form's only Unihan
# kSimplifiedVariant is the Simplified one, so the rule must suggest it and offer it as a fix.
PAIRS = {
    "国": "國", "这": "這", "个": "個", "们": "們", "时": "時", "会": "會", "对": "對",
    "说": "說", "来": "來", "为": "為", "发": "發", "经": "經", "与": "與", "于": "於",
    "开": "開", "关": "關", "进": "進", "过": "過", "还": "還", "见": "見", "长": "長",
    "问": "問", "题": "題", "学": "學", "业": "業", "东": "東", "车": "車", "电": "電",
    "话": "話", "点": "點", "机": "機", "价": "價", "买": "買", "书": "書", "门": "門",
    "鱼": "魚", "风": "風", "觉": "覺", "样": "樣", "边": "邊", "场": "場", "华": "華",
}

SUBJECTS = [
    "这款手机", "我们的团队", "这家餐厅", "新的版本", "这个城市", "年轻人", "很多用户",
    "这本书", "公司的工程师", "当地的居民", "这台电脑", "那位老师", "学生们", "游客",
    "这条街", "市场部门", "新来的同事", "这个应用", "开发者", "大多数家庭",
]
VERBS = [
    "已经成为", "正在改变", "经常讨论", "非常关注", "逐渐适应", "重新定义", "认真比较",
    "开始尝试", "一直希望", "仔细研究", "明显提高了", "慢慢习惯了", "积极参与", "主动推荐",
]
OBJECTS = [
    "日常生活的一部分", "产品的质量和价格", "城市交通的问题", "传统文化的价值",
    "健康饮食的习惯", "远程办公的方式", "电子支付的体验", "环境保护的责任",
    "数据安全的风险", "学习外语的方法", "周末旅行的计划", "社区服务的内容",
    "新能源汽车的续航", "智能家居的设计", "咖啡豆的产地", "手工艺人的故事",
]
CLAUSES = [
    "因为价格合理，所以销量一直不错", "虽然天气很热，但是来的人还是很多",
    "根据最新的调查结果", "在过去的三年里", "按照官方的说明", "从长远来看",
    "如果时间允许的话", "为了节省开支", "随着技术的发展", "在朋友的建议下",
    "经过反复测试以后", "总的来说",
]
# Latin, Greek, Cyrillic and other material that must not be reported.
FOREIGN = [
    "iPhone", "AI创新", "Wi-Fi 6", "USB-C", "5G", "GPT-4o", "App Store", "Android 14",
    "350ml", "280g", "45W", "7.8mm", "±5μm", "10kΩ", "20°C", "3.5GHz", "Δt", "2πr",
    "https://www.example.com/products/2024", "https://例子.测试/路径", "sales@example.com",
    "support@example.org", "café", "naïve", "Straße", "Москва", "спасибо", "Αθήνα",
    "😀", "👍🏽", "🇨🇳", "“OK”", "CEO", "KPI", "PDF", "Bluetooth 5.3", "NFC",
]
ENDINGS = ["。", "。", "。", "！", "？", "；", "……"]


def sentence(rng):
    parts = []
    if rng.random() < 0.4:
        parts.append(rng.choice(CLAUSES) + "，")
    parts.append(rng.choice(SUBJECTS))
    if rng.random() < 0.35:
        parts.append("在" + rng.choice(FOREIGN) + "方面")
    parts.append(rng.choice(VERBS))
    parts.append(rng.choice(OBJECTS))
    if rng.random() < 0.3:
        parts.append("，比如 " + rng.choice(FOREIGN) + " 和 " + rng.choice(FOREIGN))
    parts.append(rng.choice(ENDINGS))
    return "".join(parts)


def generate_text(megabytes, rng):
    target = megabytes * 1_000_000
    paragraphs = []
    size = 0
    while size < target:
        paragraph = "".join(sentence(rng) for _ in range(rng.randint(3, 9)))
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
    return "\n\n".join(paragraphs) + "\n"


def inject(text, count, rng):
    """Replaces `count` random Simplified characters with their Traditional pair."""
    candidates = [index for index, character in enumerate(text) if character in PAIRS]
    chosen = sorted(rng.sample(candidates, count))
    characters = list(text)
    for index in chosen:
        characters[index] = PAIRS[characters[index]]
    injected = []
    offset = 0
    previous = 0
    for index in chosen:
        offset += len(text[previous:index].encode("utf-8"))
        previous = index
        injected.append({"byteOffset": offset, "found": characters[index], "original": text[index]})
    return "".join(characters), injected


def expected_path(out):
    return out + ".expected.json"


def command_generate(args):
    rng = random.Random(SEED)
    text, injected = inject(generate_text(args.megabytes, rng), args.inject, rng)
    data = text.encode("utf-8")
    with open(args.out, "wb") as handle:
        handle.write(data)
    with open(expected_path(args.out), "w", encoding="utf-8") as handle:
        json.dump(injected, handle, ensure_ascii=False, indent=0)
    print(f"wrote {args.out}: {len(data):,} bytes, {len(text):,} characters, "
          f"{len(injected)} injected Traditional characters")


def chaff_command(args):
    return [args.chaff, "check", "--no-config", "--format", "json",
            "--select", "mixed-han-script,mixed-script-word", args.out]


def command_verify(args):
    with open(expected_path(args.out), encoding="utf-8") as handle:
        injected = json.load(handle)
    result = subprocess.run(chaff_command(args), capture_output=True, check=False)
    if result.returncode not in (0, 1):
        sys.exit(f"chaff failed ({result.returncode}): {result.stderr.decode()}")
    diagnostics = json.loads(result.stdout)["diagnostics"]
    expected = {
        entry["byteOffset"]: (
            "mixed-han-script",
            f"Traditional character '{entry['found']}' in Simplified text; use '{entry['original']}'",
            entry["found"], entry["original"])
        for entry in injected
    }
    actual = {
        d["byteOffset"]: (d["rule"], d["message"], d["match"], d.get("fix"))
        for d in diagnostics
    }
    missing = sorted(set(expected) - set(actual))
    unexpected = sorted(set(actual) - set(expected))
    wrong = sorted(offset for offset in set(expected) & set(actual)
                   if expected[offset] != actual[offset])
    print(f"injected {len(expected)}, reported {len(diagnostics)}: "
          f"{len(missing)} missing, {len(unexpected)} unexpected, {len(wrong)} wrong")
    for offset in missing[:10]:
        print(f"  missing at {offset}: {expected[offset]}")
    for offset in unexpected[:10]:
        print(f"  unexpected at {offset}: {actual[offset]}")
    for offset in wrong[:10]:
        print(f"  wrong at {offset}: expected {expected[offset]}, got {actual[offset]}")
    if missing or unexpected or wrong or len(diagnostics) != len(expected):
        sys.exit(1)
    print("verify: OK")


def timed_runs(command, runs):
    """Wall-clock and CPU (user + system) seconds of each run. CPU time is what to compare on
    a machine shared with other jobs, where the wall clock also counts waiting for a core."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return walls, cpus


def command_measure(args):
    with open(args.out, "rb") as handle:
        size = len(handle.read())
    megabytes = size / 1_000_000
    # One warm-up run each, so both read the file from the page cache.
    subprocess.run(chaff_command(args), stdout=subprocess.DEVNULL, check=False)
    subprocess.run(["wc", "-m", args.out], stdout=subprocess.DEVNULL, check=False)
    for name, command in [("chaff (both rules)", chaff_command(args)),
                          ("wc -m", ["wc", "-m", args.out])]:
        walls, cpus = timed_runs(command, args.runs)
        wall, cpu = statistics.median(walls), statistics.median(cpus)
        runs = ", ".join(f"{t * 1000:.0f}" for t in walls)
        print(f"{name}: median wall {wall * 1000:.0f} ms over {args.runs} runs ({runs} ms), "
              f"{megabytes / wall:.0f} MB/s; median CPU {cpu * 1000:.0f} ms, "
              f"{megabytes / cpu:.0f} MB/s; {size:,} bytes")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["generate", "verify", "measure", "all"])
    parser.add_argument("--out", default="/tmp/chaff-mixed-large.txt")
    parser.add_argument("--megabytes", type=int, default=10)
    parser.add_argument("--inject", type=int, default=300)
    parser.add_argument("--chaff", default=".build/release/chaff")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if args.command in ("generate", "all"):
        command_generate(args)
    if args.command in ("verify", "all"):
        command_verify(args)
    if args.command in ("measure", "all"):
        command_measure(args)


if __name__ == "__main__":
    main()
