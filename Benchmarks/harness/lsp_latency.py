"""Latency of `chaff lsp`: from a `didChange` to the `publishDiagnostics` of that version, on a
200 KB Chinese Markdown document, and memory over many edits.

The document is made of the Chinese man pages of manpages-zh (zh_CN), under headings, with a
defect every 2 KB (a Traditional character, a spintax, an unfilled token); without
manpages-zh (smoke mode on a bare machine) the harness's own Chinese paragraphs are used.

Each timed edit is typed as an editor sends it: one incremental change (insert a character in
the middle of a random line, or delete the one inserted before), then the client waits for the
diagnostics of that version before the next edit, so each figure is one edit's full latency,
debounce included. Side by side, the way an editor plug-in that re-runs the command line on
each change gets its findings: `chaff check` on the same file, as a new process.

    python3 Benchmarks/harness/lsp_latency.py --chaff PATH [--edits N] [--memory-edits N] [--record]
"""
import argparse
import datetime
import json
import os
import pathlib
import random
import statistics
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.dont_write_bytecode = True
sys.path.insert(0, str(HERE))
import roff_text  # noqa: E402
import smoke_text  # noqa: E402

TARGET_BYTES = 200_000
DEFECTS = ["观點", "{最好|最佳}", "<随机段落>", "据不完全统计"]


def chinese_paragraphs() -> list:
    root = pathlib.Path("/usr/share/man/zh_CN")
    paragraphs = []
    if root.is_dir():
        import gzip
        for page in sorted(root.glob("man[1-8]/*")):
            if not page.is_file() or page.is_symlink():
                continue
            data = page.read_bytes()
            if page.suffix == ".gz":
                data = gzip.decompress(data)
            try:
                found = roff_text.paragraphs(data.decode("utf-8", errors="replace"))
            except Exception:
                continue
            paragraphs += [p for p in found if sum(1 for c in p if 0x4E00 <= ord(c) <= 0x9FFF) > len(p) / 3]
            if sum(len(p.encode()) for p in paragraphs) > 2 * TARGET_BYTES:
                break
    if not paragraphs:
        paragraphs = [p for p in smoke_text.ZH if p.strip()]
    return paragraphs


def document() -> tuple:
    rng = random.Random(20261203)
    paragraphs = chinese_paragraphs()
    parts, size, next_defect, section = [], 0, 2000, 0
    i = 0
    while size < TARGET_BYTES:
        if i % 12 == 0:
            section += 1
            parts.append(f"## 第{section}节\n")
        p = paragraphs[i % len(paragraphs)]
        if size >= next_defect:
            cut = rng.randrange(len(p) + 1)
            p = p[:cut] + rng.choice(DEFECTS) + p[cut:]
            next_defect += 2000
        parts.append(p + "\n")
        size += len((p + "\n\n").encode())
        i += 1
    text = "# 基准文档\n\n" + "\n".join(parts)
    return text, ("manpages-zh" if pathlib.Path("/usr/share/man/zh_CN").is_dir() else "harness paragraphs")


class Client:
    def __init__(self, chaff, cwd):
        self.p = subprocess.Popen([chaff, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=cwd)
        self.next_id = 1

    def send(self, obj):
        body = json.dumps(obj, ensure_ascii=False).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def read(self):
        length = None
        while True:
            line = self.p.stdout.readline()
            if not line:
                raise RuntimeError("chaff lsp closed its output")
            if line == b"\r\n":
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.p.stdout.read(length))

    def request(self, method, params):
        i = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": i, "method": method, "params": params})
        while True:
            m = self.read()
            if m.get("id") == i and "method" not in m:
                return m

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_published(self, uri, version):
        while True:
            m = self.read()
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
                if m["params"].get("version") == version:
                    return m["params"]["diagnostics"]
                if m["params"].get("version", 0) > version:
                    raise RuntimeError("a later version was published first")

    def rss_kb(self):
        for line in open(f"/proc/{self.p.pid}/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def close(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        return self.p.wait(timeout=30)


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def measure(chaff, edits=300, memory_edits=10_000, cli_runs=20, log=print) -> dict:
    text, source = document()
    lines = text.split("\n")
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "文档.md"
        path.write_text(text, encoding="utf-8")
        uri = path.as_uri()
        client = Client(chaff, tmp)
        client.request("initialize", {"processId": os.getpid(), "capabilities": {}, "rootUri": pathlib.Path(tmp).as_uri()})
        client.notify("initialized", {})
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
        first = client.wait_published(uri, 1)
        rng = random.Random(7)
        version = 1
        inserted = None
        latencies = []
        rss = []
        total = max(edits, memory_edits)
        started = time.perf_counter()
        for n in range(total):
            version += 1
            if inserted is None:
                line = rng.randrange(len(lines))
                # UTF-16 units of the line: a position in the middle of it.
                units = len(lines[line].encode("utf-16-le")) // 2
                character = units // 2
                # Never between the halves of a surrogate pair.
                prefix = lines[line].encode("utf-16-le")[:2 * character].decode("utf-16-le", errors="ignore")
                character = len(prefix.encode("utf-16-le")) // 2
                change = {"range": {"start": {"line": line, "character": character}, "end": {"line": line, "character": character}}, "text": "字"}
                inserted = (line, character)
            else:
                line, character = inserted
                change = {"range": {"start": {"line": line, "character": character}, "end": {"line": line, "character": character + 1}}, "text": ""}
                inserted = None
            t0 = time.perf_counter()
            client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
            client.wait_published(uri, version)
            if n < edits:
                latencies.append(time.perf_counter() - t0)
            if (n + 1) % 1000 == 0 or n + 1 == total:
                rss.append((n + 1, client.rss_kb()))
        elapsed = time.perf_counter() - started
        status = client.close()
        cli = []
        for _ in range(cli_runs):
            t0 = time.perf_counter()
            subprocess.run([chaff, "check", "-q", "--no-config", "--fail-on", "never", str(path)], stdout=subprocess.DEVNULL, cwd=tmp, check=True)
            cli.append(time.perf_counter() - t0)
    ms = [x * 1000 for x in latencies]
    result = {
        "document_bytes": len(text.encode()), "document_source": source, "findings": len(first),
        "edits_timed": len(ms), "median_ms": statistics.median(ms), "p90_ms": percentile(ms, 90),
        "p99_ms": percentile(ms, 99), "max_ms": max(ms), "edits_total": total, "seconds_total": elapsed,
        "rss_kb": rss, "exit_status": status,
        "cli_median_ms": statistics.median(cli) * 1000, "cli_runs": cli_runs,
    }
    first_rss = rss[0][1]
    last_rss = rss[-1][1]
    result["rss_growth_kb"] = last_rss - first_rss
    log(f"lsp: {result['document_bytes']} bytes of Chinese Markdown ({source}), {len(first)} findings; "
        f"didChange -> publishDiagnostics over {len(ms)} edits: median {result['median_ms']:.1f} ms, "
        f"p90 {result['p90_ms']:.1f} ms, p99 {result['p99_ms']:.1f} ms, max {result['max_ms']:.1f} ms; "
        f"chaff check on the same file (new process each time): median {result['cli_median_ms']:.1f} ms")
    log(f"lsp: resident memory over {total} edits (KiB, after each 1000): " + ", ".join(f"{k}" for _, k in rss))
    return result


def targets(r) -> list:
    steady = r["rss_growth_kb"] <= max(2048, r["rss_kb"][0][1] * 0.05)
    return [
        ("lsp didChange -> publishDiagnostics median <= 20 ms (200 KB Chinese Markdown)", r["median_ms"] <= 20, f"{r['median_ms']:.1f} ms"),
        ("lsp didChange -> publishDiagnostics p99 <= 60 ms", r["p99_ms"] <= 60, f"{r['p99_ms']:.1f} ms"),
        (f"lsp memory steady over {r['edits_total']} edits", steady,
         f"{r['rss_kb'][0][1] / 1024:.1f} MiB after {r['rss_kb'][0][0]} edits, {r['rss_kb'][-1][1] / 1024:.1f} MiB after {r['rss_kb'][-1][0]}"),
    ]


def append_results(r, results: pathlib.Path, commit: str, machine: str):
    lines = [f"\n## {datetime.datetime.now().astimezone().isoformat(timespec='seconds')} — commit {commit} — `chaff lsp` latency\n\n",
             f"- machine: {machine}\n",
             f"- document: {r['document_bytes']} bytes of Chinese Markdown ({r['document_source']}), {r['findings']} findings; "
             f"each edit inserts or deletes one character in the middle of a random line, and waits for its diagnostics\n",
             f"- {r['edits_timed']} timed edits; memory over {r['edits_total']} edits ({r['seconds_total']:.0f} s)\n\n",
             "| run | median ms | p90 ms | p99 ms | max ms |\n| --- | ---: | ---: | ---: | ---: |\n",
             f"| chaff lsp: didChange -> publishDiagnostics | {r['median_ms']:.1f} | {r['p90_ms']:.1f} | {r['p99_ms']:.1f} | {r['max_ms']:.1f} |\n",
             f"| chaff check on the saved file, new process ({r['cli_runs']} runs) | {r['cli_median_ms']:.1f} | | | |\n\n",
             "resident memory of the server (KiB) after each 1000 edits: " + ", ".join(str(k) for _, k in r["rss_kb"]) + "\n\n",
             "| target | result | figures |\n| --- | --- | --- |\n"]
    for name, ok, detail in targets(r):
        lines.append(f"| {name} | {'PASS' if ok else 'FAIL'} | {detail} |\n")
    with open(results, "a", encoding="utf-8") as out:
        out.writelines(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chaff", required=True)
    parser.add_argument("--edits", type=int, default=300)
    parser.add_argument("--memory-edits", type=int, default=10_000)
    parser.add_argument("--record", action="store_true", help="append the figures to Benchmarks/RESULTS.md")
    args = parser.parse_args()
    r = measure(os.path.abspath(args.chaff), args.edits, args.memory_edits)
    ok = True
    for name, passed, detail in targets(r):
        ok = ok and passed
        print(f"  {'PASS' if passed else 'FAIL'}  {name}: {detail}")
    if args.record:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=HERE).stdout.strip()
        cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
        load = open("/proc/loadavg").read().split()[:3]
        append_results(r, HERE.parent / "RESULTS.md", commit, f"{os.cpu_count()} cores ({cpu}); load average at start {' '.join(load)}")
    return 0 if ok and r["exit_status"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
