"""Lints files with autocorrect-py, the peer CJK copywriting linter, and prints the count.

autocorrect-py ships no command-line tool, only the library (`format`, `format_for`,
`lint_for`, `load_config`), so this is its CLI for the benchmark: `lint_for(text, filename)` on
every file, in N worker processes (the same count as chaff's --jobs; the library is called from
Python, so processes rather than threads avoid the interpreter lock). Run it with the virtual
environment's Python.

usage: autocorrect_lint.py [-j N] PATH...

Prints the number of findings; on stderr, how many files autocorrect could not lint.
"""
import multiprocessing
import os
import sys

import autocorrect_py


def _files(paths):
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs.sort()
                for name in sorted(names):
                    yield os.path.join(root, name)
        else:
            yield path


def _lint(path: str):
    """(findings, 0) for a linted file, (0, 1) when autocorrect gives up on it: its parser
    stops with "call limit reached" on some long man-page lines. The time spent still counts."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    try:
        return len(autocorrect_py.lint_for(text, path).lines), 0
    except ValueError:
        return 0, 1


def main(argv) -> int:
    jobs, paths = 1, []
    i = 0
    while i < len(argv):
        if argv[i] in ("-j", "--jobs"):
            jobs = int(argv[i + 1])
            i += 2
            continue
        paths.append(argv[i])
        i += 1
    files = list(_files(paths))
    if jobs > 1 and len(files) > 1:
        with multiprocessing.Pool(jobs) as pool:
            results = list(pool.imap_unordered(_lint, files, chunksize=16))
    else:
        results = [_lint(f) for f in files]
    print(sum(r[0] for r in results))
    failed = sum(r[1] for r in results)
    if failed:
        print(f"autocorrect gave up on {failed} of {len(files)} files", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
