"""Checks that chaff's Python adapters give exactly the command line's findings.

    python3 stream_check.py --chaff PATH --work DIR [--documents N] [--engines spark,datatrove]

Makes N JSON Lines documents from the rule files' examples (placeholders, mixed scripts,
glosses, claims, clean text) in three formats, writes each one also as a file, and runs
`chaff check --format json` over the files. Then runs each engine over the JSONL through the
adapter in python/chaff_stream: a local Spark job (local[2], rdd.mapPartitions) and a datatrove
pipeline on its local executor (JsonlReader -> ChaffTagger -> JsonlWriter, 2 tasks). Every
engine must give, for every document, the findings of the command line: same rule, severity,
message, byte span and match, and a code point span that slices the match out of the text.
Exit 1 on any difference, printing the first few.
"""

import argparse
import glob
import gzip
import json
import os
import random
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CHECKOUT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(CHECKOUT, "python"))

EXTENSIONS = {"text": "txt", "markdown": "md", "html": "html"}


def snippets():
    """Example texts of every rule file, markers removed, in a stable order."""
    found = []
    for path in sorted(glob.glob(os.path.join(CHECKOUT, "rules", "*.json"))):
        with open(path, encoding="utf-8") as f:
            # Rule files may carry whole-line // comments (chaff's rule reader accepts them).
            rule = json.loads("".join(line for line in f if not line.lstrip().startswith("//")))
        for group in ("invalid", "valid"):
            for example in rule.get("examples", {}).get(group, []):
                text = example["text"] if isinstance(example, dict) else example
                found.append(text.replace("\u2193", ""))
    return found


def make_corpus(count, seed=21):
    rng = random.Random(seed)
    pool = snippets()
    documents = []
    for n in range(count):
        parts = [rng.choice(pool) for _ in range(rng.randint(1, 6))]
        fmt = rng.choices(["text", "markdown", "html"], weights=[6, 3, 1])[0]
        if fmt == "html":
            text = "<html><body>\n" + "\n".join(f"<p>{p}</p>" for p in parts) + "\n</body></html>\n"
        elif fmt == "markdown":
            text = "# Title\n\n" + "\n\n".join(parts) + "\n"
        else:
            text = rng.choice([" ", "\n", "\n\n"]).join(parts) + "\n"
        documents.append({"id": f"doc-{n:05d}", "text": text, "format": fmt, "source": "examples"})
    return documents


def key(finding):
    return (finding["byteStart"], finding["byteEnd"], finding["rule"], finding["severity"], finding["message"], finding["match"])


def cli_findings(chaff, files_dir, documents):
    run = subprocess.run(
        [chaff, "check", "--no-config", "--format", "json", "--fail-on", "never", "."],
        cwd=files_dir, capture_output=True, check=True)
    expected = {d["id"]: [] for d in documents}
    for d in json.loads(run.stdout)["diagnostics"]:
        doc_id = os.path.splitext(d["path"])[0]
        start = d["byteOffset"]
        expected[doc_id].append((start, start + d["byteLength"], d["rule"], d["severity"], d["message"], d["match"]))
    return {k: sorted(v) for k, v in expected.items()}


def compare(engine, expected, records, texts):
    got = {}
    problems = []
    for record in records:
        if record["id"] in got:
            problems.append(f"{record['id']}: tagged twice")
        findings = record["findings"]
        got[record["id"]] = sorted(key(f) for f in findings)
        for f in findings:
            if texts[record["id"]][f["charStart"]:f["charEnd"]] != f["match"]:
                problems.append(f"{record['id']}: code point span {f['charStart']}..{f['charEnd']} does not slice {f['match']!r}")
    for doc_id, findings in expected.items():
        if doc_id not in got:
            problems.append(f"{doc_id}: not tagged")
        elif got[doc_id] != findings:
            problems.append(f"{doc_id}: findings differ\n  cli:    {findings}\n  {engine}: {got[doc_id]}")
    total = sum(len(v) for v in got.values())
    if problems:
        print(f"{engine}: {len(problems)} differences, first:\n" + "\n".join(problems[:5]))
        return False
    print(f"{engine}: {len(got)} documents, {total} findings, identical to chaff check")
    return True


def run_spark(chaff, jsonl):
    from pyspark.sql import SparkSession

    from chaff_stream.spark import tag_partition

    # The workers import chaff_stream from the checkout.
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ["PYTHONPATH"] = os.path.join(CHECKOUT, "python") + os.pathsep + os.environ.get("PYTHONPATH", "")
    spark = (SparkSession.builder.master("local[2]").appName("chaff-stream-check")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             # Everything stays on the loopback interface.
             .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    try:
        rows = spark.sparkContext.textFile(jsonl, minPartitions=4).map(json.loads)
        records = rows.mapPartitions(lambda part: tag_partition(part, chaff=chaff, args=["--no-config"])).collect()
    finally:
        spark.stop()
    return records


def run_datatrove(chaff, input_dir, work):
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from chaff_stream.datatrove import ChaffTagger

    output = os.path.join(work, "datatrove-out")
    LocalPipelineExecutor(
        pipeline=[JsonlReader(input_dir), ChaffTagger(chaff=chaff, args=["--no-config"]), JsonlWriter(output)],
        tasks=2, workers=2, logging_dir=os.path.join(work, "datatrove-logs")).run()
    records = []
    for path in sorted(glob.glob(os.path.join(output, "*.jsonl*"))):
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as f:
            for line in f:
                document = json.loads(line)
                records.append({"id": document["id"], **document["metadata"]["chaff"]})
    return records


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--chaff", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--documents", type=int, default=3000)
    parser.add_argument("--engines", default="spark,datatrove")
    args = parser.parse_args()
    chaff = os.path.abspath(args.chaff)

    documents = make_corpus(args.documents)
    texts = {d["id"]: d["text"] for d in documents}
    files_dir = os.path.join(args.work, "files")
    input_dir = os.path.join(args.work, "jsonl")
    os.makedirs(files_dir)
    os.makedirs(input_dir)
    for d in documents:
        with open(os.path.join(files_dir, f"{d['id']}.{EXTENSIONS[d['format']]}"), "w", encoding="utf-8") as f:
            f.write(d["text"])
    # Two input files, so that each of datatrove's two tasks (and their two chaff processes) has work.
    half = len(documents) // 2
    for part, chunk in enumerate([documents[:half], documents[half:]]):
        with open(os.path.join(input_dir, f"documents-{part}.jsonl"), "w", encoding="utf-8") as f:
            for d in chunk:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
    jsonl = input_dir
    expected = cli_findings(chaff, files_dir, documents)
    total = sum(len(v) for v in expected.values())
    print(f"chaff check: {len(documents)} files, {total} findings")
    if total < len(documents) // 2:
        print("the corpus gives too few findings to compare")
        return 1

    results = []
    for engine in [e for e in args.engines.split(",") if e]:
        start = time.time()
        if engine == "spark":
            records = run_spark(chaff, jsonl)
        elif engine == "datatrove":
            records = run_datatrove(chaff, input_dir, args.work)
        else:
            print(f"unknown engine {engine}")
            return 2
        results.append(compare(engine, expected, records, texts))
        print(f"{engine}: {time.time() - start:.1f} s")
    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
