"""Wall-clock timing (hyperfine when installed, else repeated runs here) and peak memory.

Every command's standard output goes to /dev/null in both paths, so no tool pays for a
terminal or a pipe reader. Medians are reported: on a shared 2-core machine a single slow run
is common and says nothing about the tool.
"""
import json
import os
import pathlib
import re
import shlex
import shutil
import statistics
import subprocess
import tempfile
import time


def have(tool: str) -> bool:
    return shutil.which(tool) is not None


def measure(name: str, command, runs: int, warmup: int, cwd: pathlib.Path,
            export_dir: pathlib.Path, ignore_failure=False, use_hyperfine=True) -> dict:
    """Times command (an argv list, or a string run by sh) and returns the median and runs.

    Fast commands go to hyperfine (raw figures kept in export_dir/<name>.json) and get one
    extra run under `/usr/bin/time -v` for their peak memory. Slow commands (use_hyperfine
    False) are timed here, each run under `/usr/bin/time -v`, so no extra run is needed for
    the memory figure; the wrapper's own cost (about a millisecond) is noise at that scale."""
    shell = isinstance(command, str)
    if use_hyperfine and have("hyperfine") and runs >= 2:
        export = export_dir / f"{name}.json"
        argv = ["hyperfine", "--style", "basic", "--runs", str(runs), "--warmup", str(warmup),
                "--export-json", str(export)]
        if not shell:
            argv.append("-N")
        if ignore_failure:
            argv.append("-i")
        argv.append(command if shell else shlex.join(command))
        proc = subprocess.run(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"hyperfine failed for {name}:\n{proc.stdout}")
        times = json.loads(export.read_text())["results"][0]["times"]
        rss = [peak_rss_kb(command, cwd)]
        tool = "hyperfine"
    else:
        times, rss = [], []
        for i in range(warmup + runs):
            elapsed, kb = _timed_run(name, command, cwd, ignore_failure)
            if i >= warmup:
                times.append(elapsed)
                rss.append(kb)
        tool = "own timer"
    return {"name": name, "median": statistics.median(times), "min": min(times),
            "max": max(times), "runs": len(times), "times": times, "timer": tool,
            "peak_rss_kb": max(rss)}


def _timed_run(name, command, cwd, ignore_failure):
    """One run: wall time, and peak RSS in KiB from `/usr/bin/time -v` (or the kernel's
    rusage of the child when GNU time is not installed)."""
    shell = isinstance(command, str)
    argv = ["sh", "-c", command] if shell else list(command)
    gnu_time = os.path.exists("/usr/bin/time")
    if gnu_time:
        argv = ["/usr/bin/time", "-v"] + argv
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        _, wait_status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(wait_status)
        err.seek(0)
        stderr = err.read().decode(errors="replace")
    status, kb = proc.returncode, int(usage.ru_maxrss)
    if gnu_time:
        m = re.search(r"Exit status: (\d+)", stderr)
        status = int(m.group(1)) if m else status
        found = re.findall(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
        kb = int(found[-1]) if found else kb
    if status != 0 and not ignore_failure:
        raise RuntimeError(f"{name} exited {status}: {stderr[-2000:]}")
    return elapsed, kb


def peak_rss_kb(command, cwd: pathlib.Path) -> int:
    """Peak resident set size of one run in KiB."""
    return _timed_run("peak memory run", command, cwd, True)[1]
