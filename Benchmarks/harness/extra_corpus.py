"""The benchmark's text beyond the man-page corpus: the content-farm case and one large
Markdown file, built once under Benchmarks/cache/extra/ from inputs the harness already has.

- Content farm: a spun article (dense pinyin glosses, Traditional characters in every
  paragraph, placeholders and vague claims), repeated `FARM_COPIES` times into one file. The
  article is not part of the repository: it is read from `--farm-sample PATH`, the environment
  variable CHAFF_FARM_SAMPLE, or Benchmarks/cache/farm-sample.txt; without one, the content-farm
  cases are skipped (the run says so) and the rest of the benchmark runs as before.
- Markdown: the corpus's files concatenated into one ~100 MB `.md` file, each under a `##`
  heading naming it, so that a single large file goes through the Markdown scanner.
- Glossed text: the corpus's Chinese files (real man pages, with the corpus's injected defects)
  with a pinyin gloss after one Han character in `GLOSS_EVERY`, as densely as the spun article
  glosses (910 glosses on 10,815 Han characters), read by pypinyin in the context of its run of
  Han characters, toneless as spinners write them (`角(jiao)色`); `GLOSSED_BYTES` of it in one
  file. Needs pypinyin (a benchmark dependency, never chaff's); without it the case is skipped.
"""
import os
import pathlib
import random
import re
import shutil

FARM_COPIES = 40
SMOKE_FARM_COPIES = 2
GLOSS_EVERY = 12
GLOSSED_BYTES = 1_600_000
GLOSS_SEED = 20261206
HAN_RUN = re.compile("[\u4e00-\u9fff]+")


def farm_sample(work: pathlib.Path, given):
    """The spun article's path, or None when there is none."""
    for candidate in (given, os.environ.get("CHAFF_FARM_SAMPLE"), work / "farm-sample.txt"):
        if candidate and pathlib.Path(candidate).is_file():
            return pathlib.Path(candidate).resolve()
    return None


def build_farm(work: pathlib.Path, sample: pathlib.Path, smoke: bool) -> dict:
    """Writes extra/farm[-smoke]/farm.txt (the sample repeated) unless it is up to date."""
    copies = SMOKE_FARM_COPIES if smoke else FARM_COPIES
    folder = work / "extra" / ("farm-smoke" if smoke else "farm")
    target = folder / "farm.txt"
    data = sample.read_bytes()
    if not target.exists() or target.stat().st_size != len(data) * copies:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        with open(tmp, "wb") as out:
            for _ in range(copies):
                out.write(data)
        tmp.replace(target)
    return {"dir": folder, "file": target, "bytes": target.stat().st_size, "copies": copies,
            "sample_bytes": len(data)}


def build_markdown(work: pathlib.Path, corpus_root: pathlib.Path, manifest: dict, smoke: bool) -> dict:
    """Writes extra/markdown[-smoke]/all.md from the corpus files unless it is up to date."""
    folder = work / "extra" / ("markdown-smoke" if smoke else "markdown")
    target = folder / "all.md"
    stamp = folder / "built-from"
    source_stamp = f"{manifest['mode']} {manifest['files']} {manifest['bytes']}\n"
    if not target.exists() or not stamp.exists() or stamp.read_text() != source_stamp:
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        files = sorted((corpus_root / "files").rglob("*.txt"))
        with open(folder / "all.tmp", "wb") as out:
            out.write(b"# Corpus\n\n")
            for path in files:
                out.write(b"## " + str(path.relative_to(corpus_root / "files")).encode() + b"\n\n")
                out.write(path.read_bytes().rstrip(b"\n") + b"\n\n")
        (folder / "all.tmp").replace(target)
        stamp.write_text(source_stamp)
    return {"dir": folder, "file": target, "bytes": target.stat().st_size}


def build_glossed(work: pathlib.Path, corpus_root: pathlib.Path, manifest: dict, smoke: bool):
    """Writes extra/glossed[-smoke]/glossed.txt unless it is up to date; None without pypinyin
    or Chinese files."""
    try:
        import pypinyin
        from pypinyin import lazy_pinyin
    except ImportError:
        return None
    folder = work / "extra" / ("glossed-smoke" if smoke else "glossed")
    target = folder / "glossed.txt"
    stamp = folder / "built-from"
    # The file is rebuilt when the corpus, the recipe or pypinyin's readings may differ.
    source_stamp = (f"{manifest['mode']} {manifest['files']} {manifest['bytes']} {GLOSS_EVERY} {GLOSS_SEED} "
                    f"{GLOSSED_BYTES} pypinyin {pypinyin.__version__}\n")
    if not target.exists() or not stamp.exists() or stamp.read_text() != source_stamp:
        files = sorted((corpus_root / "files").rglob("zh-*.txt"))
        if not files:
            return None
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        rng = random.Random(GLOSS_SEED)
        size = 0
        with open(folder / "glossed.tmp", "w", encoding="utf-8") as out:
            for path in files:
                text = path.read_text(encoding="utf-8", errors="replace")
                glossed = HAN_RUN.sub(lambda run: _glossed_run(run.group(0), lazy_pinyin, rng), text)
                out.write(glossed)
                size += len(glossed.encode("utf-8"))
                if not smoke and size >= GLOSSED_BYTES:
                    break
        (folder / "glossed.tmp").replace(target)
        stamp.write_text(source_stamp)
    return {"dir": folder, "file": target, "bytes": target.stat().st_size}


def _glossed_run(run: str, lazy_pinyin, rng: random.Random) -> str:
    """`run` (Han characters only) with a gloss after about one character in `GLOSS_EVERY`."""
    readings = lazy_pinyin(run)
    if len(readings) != len(run):
        return run
    return "".join(c + (f"({r})" if rng.randrange(GLOSS_EVERY) == 0 and r.isascii() and r.isalpha() else "")
                   for c, r in zip(run, readings))
