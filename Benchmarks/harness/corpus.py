"""Builds the benchmark corpus once and caches it under Benchmarks/cache.

Full corpus: about 100 MB in 10,000 plain-text files, sized like web pages (log-normal around
6 KB), drawn from real Chinese man pages (manpages-zh: zh_CN as is, zh_TW converted to
Simplified with OpenCC) and real English man pages (manpages, manpages-dev and the pages of
the installed Debian packages), with defects injected at a known rate; plus
the same text as one ~100 MB file and one ~1 KB file for start-up latency.

Smoke corpus: a few files from the harness's own paragraphs, no packages needed.

The manifest (manifest.json) records what was built and how many defects of each category were
injected. A corpus is rebuilt only when its recipe (the RECIPE dict) changes.
"""
import gzip
import json
import math
import os
import pathlib
import random
import shutil
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import defects  # noqa: E402
import roff_text  # noqa: E402
import smoke_text  # noqa: E402

MAN = pathlib.Path("/usr/share/man")
SEED = 20250601

RECIPES = {
    "full": {"version": 5, "files": 10_000, "bytes": 100_000_000, "zh_share": 0.55,
             "defect_every_bytes": 2_000, "sigma": 1.0, "max_file_bytes": 250_000},
    "smoke": {"version": 4, "files": 6, "bytes": 12_000, "zh_share": 0.5,
              "defect_every_bytes": 400, "sigma": 0.3, "max_file_bytes": 4_000},
}


def _read_page(path: pathlib.Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8", errors="replace")


def _han_share(text: str) -> float:
    visible = [c for c in text if not c.isspace()]
    if not visible:
        return 0.0
    return sum(1 for c in visible if 0x4E00 <= ord(c) <= 0x9FFF) / len(visible)


# Pages of tools installed from outside the distribution, left out so that the corpus is
# made of Debian-packaged text (the Google Cloud CLI alone ships 16,000 near-identical pages).
_FOREIGN = ("gcloud", "bq.", "gsutil")


def _pages(root: pathlib.Path):
    """Regular man-page files below root, sorted; symlinks (aliases) are skipped."""
    pages = []
    for section in sorted(root.glob("man[1-9]*")):
        for page in sorted(section.iterdir()):
            if page.is_file() and not page.is_symlink() and not page.name.startswith(_FOREIGN):
                pages.append(page)
    return pages


def _docs(pages, log):
    docs = []
    for i, page in enumerate(pages):
        try:
            paragraphs = roff_text.paragraphs(_read_page(page))
        except Exception as error:  # one odd page must not stop the build
            log(f"  skipped {page}: {error}")
            continue
        if sum(len(p) for p in paragraphs) >= 200:
            docs.append(paragraphs)
    return docs


def _opencc(config: str, text: str) -> str:
    return subprocess.run(["opencc", "-c", config], input=text.encode(), capture_output=True,
                          check=True).stdout.decode()


def _traditional_pairs(zh_docs, log):
    """Frequent Simplified two-character words whose Traditional form differs (via OpenCC)."""
    counts = {}
    for doc in zh_docs:
        for p in doc:
            for a, b in zip(p, p[1:]):
                if 0x4E00 <= ord(a) <= 0x9FFF and 0x4E00 <= ord(b) <= 0x9FFF:
                    counts[a + b] = counts.get(a + b, 0) + 1
    top = sorted(counts, key=lambda w: (-counts[w], w))[:3000]
    converted = _opencc("s2t", "\n".join(top)).split("\n")
    pairs = [(s, t) for s, t in zip(top, converted) if s != t and len(s) == len(t)]
    log(f"  {len(pairs)} Simplified/Traditional word pairs from OpenCC")
    return pairs


def _pools_full(log):
    if not (MAN / "zh_CN").is_dir():
        raise SystemExit("manpages-zh is not installed (/usr/share/man/zh_CN is missing)")
    log("  reading Chinese man pages (zh_CN)")
    zh = _docs(_pages(MAN / "zh_CN"), log)
    if shutil.which("opencc") and (MAN / "zh_TW").is_dir():
        log("  reading Chinese man pages (zh_TW, converted to Simplified with OpenCC)")
        tw = _docs(_pages(MAN / "zh_TW"), log)
        sentinel = "\u241e"
        joined = f"\n{sentinel}\n".join("\n".join(d) for d in tw)
        converted = _opencc("tw2sp", joined).split(f"\n{sentinel}\n")
        zh += [d.split("\n") for d in converted]
    en = []
    log("  reading English man pages")
    for doc in _docs(_pages(MAN), log):
        text = "".join(doc)
        (zh if _han_share(text) >= 0.1 else en).append(doc)
    zh = [d for d in zh if _han_share("".join(d)) >= 0.1]
    return zh, en


def _sizes(rng: random.Random, recipe) -> list:
    raw = [math.exp(rng.gauss(0.0, recipe["sigma"])) for _ in range(recipe["files"])]
    scale = recipe["bytes"] / sum(raw)
    return [max(300, min(recipe["max_file_bytes"], int(r * scale))) for r in raw]


class _Stream:
    """Walks a language's documents paragraph by paragraph, jumping to a random document
    whenever a new file starts or the current document ends."""

    def __init__(self, docs, rng):
        self.docs, self.rng = docs, rng
        self.jump()

    def jump(self):
        self.doc = self.rng.randrange(len(self.docs))
        self.index = self.rng.randrange(len(self.docs[self.doc]))

    def next(self) -> str:
        if self.index >= len(self.docs[self.doc]):
            self.jump()
            self.index = 0
        paragraph = self.docs[self.doc][self.index]
        self.index += 1
        return paragraph


def _compose(stream, injector, lang, target, every, rng) -> str:
    stream.jump()
    parts, size = [], 0
    while size < target:
        p = stream.next()
        expected = len(p.encode()) / every
        k = int(expected) + (1 if rng.random() < expected - int(expected) else 0)
        for _ in range(k):
            p = injector.inject(p, lang)
        parts.append(p)
        size += len(p.encode()) + 2
    return "\n\n".join(parts) + "\n"


def build(work: pathlib.Path, mode: str, log=print, force=False) -> dict:
    """Builds (or reuses) the corpus for mode ('full' or 'smoke'); returns its manifest."""
    recipe = RECIPES[mode]
    root = work / f"corpus-{mode}"
    manifest_path = root / "manifest.json"
    if manifest_path.exists() and not force:
        manifest = json.loads(manifest_path.read_text())
        if manifest.get("recipe") == recipe:
            return manifest
    log(f"building the {mode} corpus in {root} (once; cached)")
    if root.exists():
        shutil.rmtree(root)
    rng = random.Random(SEED)
    if mode == "full":
        zh, en = _pools_full(log)
        pairs = _traditional_pairs(zh, log) if shutil.which("opencc") else defects.BUILTIN_TRADITIONAL
        sources = {"zh_docs": len(zh), "en_docs": len(en),
                   "zh_chars": sum(len(p) for d in zh for p in d),
                   "en_chars": sum(len(p) for d in en for p in d)}
    else:
        zh, en = [smoke_text.ZH], [smoke_text.EN]
        pairs = defects.BUILTIN_TRADITIONAL
        sources = {"zh_docs": 1, "en_docs": 1}
    injector = defects.Injector(rng, pairs)
    streams = {"zh": _Stream(zh, rng), "en": _Stream(en, rng)}
    files_dir = root / "files"
    total, largest, paths = 0, 0, []
    big_parts = []
    for i, target in enumerate(_sizes(rng, recipe)):
        lang = "zh" if rng.random() < recipe["zh_share"] else "en"
        text = _compose(streams[lang], injector, lang, target, recipe["defect_every_bytes"], rng)
        rel = pathlib.Path(f"{i // 100:03d}") / f"{lang}-{i:05d}.txt"
        path = files_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode()
        path.write_bytes(data)
        big_parts.append(data)
        total += len(data)
        largest = max(largest, len(data))
        paths.append(str(rel))
    counts_corpus = dict(sorted(injector.counts.items()))
    single = root / "single"
    single.mkdir(parents=True)
    with open(single / "all.txt", "wb") as f:
        for data in big_parts:
            f.write(data)
    # The start-up file: about 1 KB of mixed text with a few defects, counted separately.
    small_injector = defects.Injector(random.Random(SEED + 1), pairs)
    small_text = _compose(_Stream(zh, random.Random(SEED + 2)), small_injector, "zh", 600, 300,
                          random.Random(SEED + 3))
    small_text += _compose(_Stream(en, random.Random(SEED + 4)), small_injector, "en", 400, 300,
                           random.Random(SEED + 5))
    small = root / "small"
    small.mkdir(parents=True)
    (small / "page.txt").write_text(small_text)
    manifest = {
        "recipe": recipe,
        "mode": mode,
        "files": len(paths),
        "bytes": total,
        "largest_file_bytes": largest,
        "single_file": "single/all.txt",
        "single_file_bytes": total,
        "small_file": "small/page.txt",
        "small_file_bytes": len(small_text.encode()),
        "injected": counts_corpus,
        "injected_total": sum(counts_corpus.values()),
        "sources": sources,
    }
    manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    log(f"  {len(paths)} files, {total / 1e6:.1f} MB, {manifest['injected_total']} defects injected")
    return manifest
